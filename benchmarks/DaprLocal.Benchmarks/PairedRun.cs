namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// Measures an operation through DaprLocal and its direct baseline in alternating rounds
/// (A B, B A, A B…): slow drifts and bursts of noise on the machine then fall on both variants
/// alike instead of on whichever happened to run second.
/// </summary>
internal sealed class PairedRun(OpenLoop loop, BenchmarkOptions options, TextWriter progress)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    public async Task<PairResult> RunAsync(string name, int hops, Func<Task> viaDaprLocal, Func<Task> direct)
    {
        progress.WriteLine($"[{name}] warm-up {options.Warmup.TotalSeconds:0.#} s per variant");
        await loop.RunAsync(viaDaprLocal, options.Warmup);
        await loop.RunAsync(direct, options.Warmup);

        var slice = options.Duration / options.Rounds;
        var daprLocal = new List<LatencySummary>();
        var plain = new List<LatencySummary>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var order = round % 2 == 1
                ? new[] { ("DaprLocal", viaDaprLocal, daprLocal), ("direct", direct, plain) }
                : [("direct", direct, plain), ("DaprLocal", viaDaprLocal, daprLocal)];
            foreach (var (variant, operation, results) in order)
            {
                await SettleAsync();
                var summary = await loop.RunAsync(operation, slice);
                results.Add(summary);
                progress.WriteLine(
                    $"[{name}] round {round}/{options.Rounds} {variant,-9}  p50 {summary.P50Ms,7:0.000} ms  p99 {summary.P99Ms,7:0.000} ms  " +
                    $"max {summary.MaxMs,8:0.000} ms  failed {summary.Failures}/{summary.Count}  scheduler late p99 {summary.LatenessP99Ms:0.000} ms  " +
                    $"CPU {summary.CpuPerOperationUs:0} µs/op  GCs {summary.Cost.Collections} ({summary.Cost.GcPause.TotalMilliseconds:0.0} ms paused)");
                if (summary.Succeeded == 0)
                {
                    throw new BenchmarkFailureException($"{name} via {variant}: every operation failed: {summary.FirstFailure}");
                }
            }
        }
        return new PairResult(name, hops, new SideResult(daprLocal), new SideResult(plain));
    }

    /// <summary>
    /// Collects the previous slice's garbage and lets its stragglers finish, so that a collection
    /// caused by one variant is not paid during the other's slice.
    /// </summary>
    private static async Task SettleAsync()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await Task.Delay(Pause);
    }
}
