using System.Net;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// The app hosting <see cref="BenchCounterActor"/> through Dapr.Actors.AspNetCore: a minimal
/// Kestrel app on a given loopback port, whose actor runtime talks back to its sidecar's HTTP API.
/// </summary>
internal sealed class ActorApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ActorApp(WebApplication app) => _app = app;

    public static async Task<ActorApp> StartAsync(int port, Uri sidecarHttpEndpoint)
    {
        ArgumentNullException.ThrowIfNull(sidecarHttpEndpoint);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddActors(options =>
        {
            options.Actors.RegisterActor<BenchCounterActor>();
            options.HttpEndpoint = sidecarHttpEndpoint.ToString().TrimEnd('/');
        });
        var app = builder.Build();
        app.MapActorsHandlers();
        await app.StartAsync();
        return new ActorApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
