using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecommerce.Workflow.Tests.Support;

/// <summary>A <see cref="FakeSidecar"/> served over HTTP/2 cleartext by Kestrel on a loopback port.</summary>
internal sealed class FakeSidecarServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSidecarServer(WebApplication app, FakeSidecar sidecar, int port)
    {
        _app = app;
        Sidecar = sidecar;
        Port = port;
    }

    public FakeSidecar Sidecar { get; }

    public int Port { get; }

    /// <summary>Starts a server; port 0 picks a free one (use the same port again to "restart" the sidecar).</summary>
    public static async Task<FakeSidecarServer> StartAsync(int port = 0)
    {
        var sidecar = new FakeSidecar();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Open work-item streams never end by themselves: stopping aborts them quickly, like a sidecar restart.
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromMilliseconds(200));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(sidecar);
        var app = builder.Build();
        app.MapGrpcService<FakeSidecar>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeSidecarServer(app, sidecar, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
