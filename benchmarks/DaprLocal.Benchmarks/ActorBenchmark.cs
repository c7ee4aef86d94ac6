using System.Globalization;
using System.Net.Http.Headers;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// Actor method calls: <c>PUT /v1.0/actors/BenchCounter/&lt;id&gt;/method/IncrementAsync</c> with a
/// JSON body (the non-remoting form) on the sidecar of an <see cref="ActorApp"/>, whose actor
/// state lives in a <c>state.in-memory</c> actor state store. Closed loop, one pooled
/// <see cref="HttpClient"/>, in two scenarios: every call to one hot actor (turn-based concurrency
/// serializes them: no target), and calls spread round-robin over <see cref="SpreadActorIds"/> ids
/// (the target). There is no direct baseline: an actor exists only through a sidecar.
/// </summary>
internal sealed class ActorBenchmark : IAsyncDisposable
{
    public const int SpreadActorIds = 1000;

    private const string StoreName = "actorstore";
    private const string Method = "IncrementAsync";
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly byte[] Body = "1"u8.ToArray();

    private readonly TempDirectory _resources;
    private readonly BenchmarkSidecar _sidecar;
    private readonly ActorApp _app;
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    });

    private ActorBenchmark(TempDirectory resources, BenchmarkSidecar sidecar, ActorApp app)
    {
        _resources = resources;
        _sidecar = sidecar;
        _app = app;
    }

    public static async Task<ActorBenchmark> StartAsync(SharedRuntime shared)
    {
        var resources = new TempDirectory("daprlocal-bench-actors-");
        ActorApp? app = null;
        try
        {
            ComponentYaml.WriteAll(resources.Path, [("actorstore.yaml", ComponentYaml.Component(StoreName, "state.in-memory", ("actorStateStore", "true")))]);
            var appPort = FreePort.Next();
            // The sidecar is ready only once the app answers, and the app needs the sidecar's address.
            var sidecar = await BenchmarkSidecar.StartAsync(
                $"bench-actors-{Guid.NewGuid():N}"[..20], resources.Path, appPort, shared,
                async started => app = await ActorApp.StartAsync(appPort, started.HttpEndpoint));
            return new ActorBenchmark(resources, sidecar, app!);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            resources.Dispose();
            throw;
        }
    }

    /// <summary>Runs both scenarios: for each, a warm-up then the measured run.</summary>
    public async Task<IReadOnlyList<ActorScenarioResult>> RunAsync(ClosedLoop loop, TimeSpan warmup, TimeSpan duration, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(progress);
        var hot = Address("hot");
        var hotResult = await ScenarioAsync("actor hot id", 1, _ => CallAsync(hot), loop, warmup, duration, progress);
        var count = await CountAsync("hot");
        var hotNote = $"hot actor's count after warm-up and run: {count} (successful increments: {hotResult.Warmup.Summary.Succeeded + hotResult.Measured.Summary.Succeeded})";

        var spread = Enumerable.Range(0, SpreadActorIds).Select(i => Address($"a-{i}")).ToArray();
        var spreadResult = await ScenarioAsync(
            $"actor {SpreadActorIds} ids", SpreadActorIds, sequence => CallAsync(spread[sequence % SpreadActorIds]), loop, warmup, duration, progress);
        return
        [
            new ActorScenarioResult("actor hot id", 1, loop.Callers, hotResult.Measured, HasTarget: false, hotNote),
            new ActorScenarioResult($"actor {SpreadActorIds} ids", SpreadActorIds, loop.Callers, spreadResult.Measured, HasTarget: true, null),
        ];
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sidecar.DisposeAsync();
        await _app.DisposeAsync();
        _resources.Dispose();
    }

    private static async Task<(ClosedLoopResult Warmup, ClosedLoopResult Measured)> ScenarioAsync(
        string name, int ids, Func<long, Task> operation, ClosedLoop loop, TimeSpan warmup, TimeSpan duration, TextWriter progress)
    {
        progress.WriteLine($"[{name}] warm-up {warmup.TotalSeconds:0.#} s, {loop.Callers} callers over {ids} actor id(s)");
        var warm = await loop.RunAsync(operation, warmup);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await Task.Delay(250);
        var measured = await loop.RunAsync(operation, duration);
        var summary = measured.Summary;
        progress.WriteLine(
            $"[{name}] {measured.PerSecond,8:0} calls/s  p50 {summary.P50Ms,7:0.000} ms  p99 {summary.P99Ms,7:0.000} ms  max {summary.MaxMs,8:0.000} ms  " +
            $"failed {summary.Failures}/{summary.Count}  CPU {summary.CpuPerOperationUs:0} µs/call  GCs {summary.Cost.Collections} ({summary.Cost.GcPause.TotalMilliseconds:0.0} ms paused)");
        if (summary.Succeeded == 0)
        {
            throw new BenchmarkFailureException($"{name}: every actor call failed: {summary.FirstFailure}");
        }
        return (warm, measured);
    }

    private Uri Address(string id, string method = Method) => new(_sidecar.HttpEndpoint, $"/v1.0/actors/{BenchCounterActor.TypeName}/{id}/method/{method}");

    private async Task CallAsync(Uri address)
    {
        using var content = new ByteArrayContent(Body);
        content.Headers.ContentType = Json;
        using var response = await _http.PutAsync(address, content);
        var body = await response.Content.ReadAsStringAsync();
        // A wrong answer must not pass as a fast one: the new count, a positive integer.
        if (!response.IsSuccessStatusCode || !int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            throw new InvalidOperationException($"PUT {address} answered {(int)response.StatusCode} '{body}'.");
        }
    }

    private async Task<string> CountAsync(string id)
    {
        var address = Address(id, "GetAsync");
        using var content = new ByteArrayContent([]);
        using var response = await _http.PutAsync(address, content);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : $"unreadable ({(int)response.StatusCode} '{body}')";
    }
}
