using System.Net;
using System.Net.Sockets;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>A loopback port nothing listens on right now (the OS picks it), for a sidecar's HTTP and gRPC ports.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
