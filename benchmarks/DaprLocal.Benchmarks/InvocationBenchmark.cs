using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// Service invocation: <c>GET /v1.0/invoke/&lt;target&gt;/method/ping</c> on the caller's sidecar,
/// which relays it to the target's sidecar, which calls the <see cref="PingApp"/> — two sidecar
/// hops — against a plain GET to the app itself. One pooled <see cref="HttpClient"/> serves both,
/// so connection reuse is the same on either side.
/// </summary>
internal sealed class InvocationBenchmark : IAsyncDisposable
{
    public const int Hops = 2;

    private readonly PingApp _app;
    private readonly TempDirectory _resources;
    private readonly BenchmarkSidecar _target;
    private readonly BenchmarkSidecar _caller;
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    });
    private readonly Uri _viaDaprLocal;
    private readonly Uri _direct;

    private InvocationBenchmark(PingApp app, TempDirectory resources, BenchmarkSidecar target, BenchmarkSidecar caller)
    {
        _app = app;
        _resources = resources;
        _target = target;
        _caller = caller;
        _viaDaprLocal = new Uri(caller.HttpEndpoint, $"/v1.0/invoke/{target.AppId}/method/ping");
        _direct = new Uri($"http://127.0.0.1:{app.Port}/ping");
    }

    public static async Task<InvocationBenchmark> StartAsync(SharedRuntime shared)
    {
        var app = await PingApp.StartAsync();
        // Invocation needs no component: both sidecars load an empty resources directory.
        var resources = new TempDirectory("daprlocal-bench-invoke-");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var target = await BenchmarkSidecar.StartAsync($"bench-target-{suffix}", resources.Path, app.Port, shared);
        var caller = await BenchmarkSidecar.StartAsync($"bench-caller-{suffix}", resources.Path, null, shared);
        return new InvocationBenchmark(app, resources, target, caller);
    }

    public Task ViaDaprLocalAsync() => PingAsync(_viaDaprLocal);

    public Task DirectAsync() => PingAsync(_direct);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _caller.DisposeAsync();
        await _target.DisposeAsync();
        await _app.DisposeAsync();
        _resources.Dispose();
    }

    private async Task PingAsync(Uri uri)
    {
        using var response = await _http.GetAsync(uri);
        var body = await response.Content.ReadAsStringAsync();
        // A wrong answer must not pass as a fast one.
        if (!response.IsSuccessStatusCode || body != PingApp.Answer)
        {
            throw new InvalidOperationException($"GET {uri} answered {(int)response.StatusCode} '{body}'.");
        }
    }
}
