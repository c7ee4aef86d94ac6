namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>One closed-loop run: its latencies and how long it took from the first call to the last completion.</summary>
internal sealed record ClosedLoopResult(LatencySummary Summary, TimeSpan Elapsed)
{
    /// <summary>Successful operations per second over the run.</summary>
    public double PerSecond => Summary.Succeeded / Elapsed.TotalSeconds;
}
