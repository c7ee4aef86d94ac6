using System.Diagnostics;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// A closed-loop load generator: <c>callers</c> concurrent callers each issue an operation, wait
/// for it and issue the next, until the time is up. The rate is whatever the system sustains
/// (throughput), and each latency runs from send to completion. Unlike <see cref="OpenLoop"/> it
/// does not charge a stall to the operations it delays — fine for a throughput figure, and the
/// percentiles are read with that in mind.
/// </summary>
internal sealed class ClosedLoop(int callers)
{
    /// <summary>How long operations still in flight at the end of a run may take before it is declared stuck.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    public int Callers => callers;

    /// <param name="operation">Called with a sequence number unique within the run (0, 1, 2…).</param>
    /// <param name="duration">How long callers keep issuing operations.</param>
    public async Task<ClosedLoopResult> RunAsync(Func<long, Task> operation, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var sequence = -1L;
        Exception? firstFailure = null;
        var before = ProcessCost.Now();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task<List<long>> CallerAsync()
        {
            // Yield first so that every caller starts on the thread pool, not inline on this one.
            await Task.Yield();
            var latencies = new List<long>(4096);
            while (Stopwatch.GetTimestamp() < end)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    await operation(Interlocked.Increment(ref sequence));
                    latencies.Add(Stopwatch.GetTimestamp() - sent);
                }
                catch (Exception error)
                {
                    // Counted and reported, not fatal: a sidecar that drops calls under load is itself a finding.
                    latencies.Add(-1);
                    Interlocked.CompareExchange(ref firstFailure, error, null);
                }
            }
            return latencies;
        }

        var all = Task.WhenAll(Enumerable.Range(0, callers).Select(_ => CallerAsync()));
        List<long>[] perCaller;
        try
        {
            perCaller = await all.WaitAsync(duration + DrainTimeout);
        }
        catch (TimeoutException)
        {
            throw new BenchmarkFailureException($"operations were still running {DrainTimeout.TotalSeconds:0} s after the end of a {duration.TotalSeconds:0.#} s run: the system under test is stuck.");
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        var summary = LatencySummary.From([.. perCaller.SelectMany(latencies => latencies)], [], ProcessCost.Now().Since(before), firstFailure?.Message);
        return new ClosedLoopResult(summary, elapsed);
    }
}
