using System.Collections.Concurrent;

namespace Ecommerce.DaprLocal.Invocation;

/// <summary>
/// The sidecars running in this process (the runner's, a test's), by HTTP port. A call to a peer
/// found here is handed to the peer's <see cref="ServiceInvoker"/> directly instead of crossing
/// loopback HTTP: the same steps and headers as the network path, without a second HTTP server
/// and client in the chain. daprd's sidecar-to-sidecar protocol is internal too (gRPC
/// <c>CallLocal</c>), so nothing an app or a caller sees changes.
/// </summary>
public sealed class InProcessSidecars
{
    private readonly ConcurrentDictionary<int, ServiceInvoker> _byHttpPort = new();

    /// <summary>Lists a sidecar's invoker; disposing the result withdraws it (before the sidecar stops).</summary>
    public IDisposable Add(int httpPort, ServiceInvoker invoker)
    {
        _byHttpPort[httpPort] = invoker;
        return new Listing(this, httpPort, invoker);
    }

    /// <summary>The invoker of the sidecar listening on <paramref name="address"/>, when it runs in this process.</summary>
    public ServiceInvoker? Find(SidecarAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.ProcessId == Environment.ProcessId && _byHttpPort.TryGetValue(address.HttpPort, out var invoker) ? invoker : null;
    }

    private sealed class Listing(InProcessSidecars owner, int httpPort, ServiceInvoker invoker) : IDisposable
    {
        public void Dispose() => owner._byHttpPort.TryRemove(new KeyValuePair<int, ServiceInvoker>(httpPort, invoker));
    }
}
