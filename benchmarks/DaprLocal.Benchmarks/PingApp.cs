using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>The invocation target: a minimal Kestrel app on 127.0.0.1 answering <c>GET /ping</c> with 200 "pong".</summary>
internal sealed class PingApp : IAsyncDisposable
{
    public const string Answer = "pong";

    private readonly WebApplication _app;

    private PingApp(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PingApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/ping", () => Answer);
        await app.StartAsync();
        // Port 0: Kestrel reports the port it was given once it listens.
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new PingApp(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
