using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecommerce.TestSupport;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, for the peers a test needs on the
/// network (a JWKS document, a sidecar's health endpoint). Disposing stops it.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="map">Maps the server's endpoints (and middleware).</param>
    /// <param name="port">A port chosen beforehand (a sidecar may need to know it first); a free one by default.</param>
    /// <param name="services">Registers what the endpoints need.</param>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map, int port = 0, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new LoopbackServer(app, ListeningAddress.Of(app));
    }

    /// <summary>A loopback address on which nothing listens: connecting to it is refused at once.</summary>
    public static Uri UnusedAddress()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
