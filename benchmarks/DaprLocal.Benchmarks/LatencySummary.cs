using System.Diagnostics;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// The figures of one open-loop run, in milliseconds. Latencies are nearest-rank percentiles of
/// the successful operations. <see cref="LatenessP99Ms"/> is how late the scheduler itself issued
/// requests (it is included in every latency, for DaprLocal and direct alike): a large value means
/// the machine, not the code measured, was the bottleneck. <see cref="Cost"/> is what the run cost
/// this process.
/// </summary>
internal sealed record LatencySummary(int Count, int Failures, double P50Ms, double P99Ms, double MaxMs, double LatenessP99Ms, ProcessCost Cost, string? FirstFailure)
{
    /// <param name="latencyTicks">One entry per operation, in <see cref="Stopwatch"/> ticks; negative for a failed one.</param>
    /// <param name="latenessTicks">How late each operation was issued, in <see cref="Stopwatch"/> ticks.</param>
    /// <param name="cost">What the run cost this process.</param>
    /// <param name="firstFailure">The message of the first failed operation, if any.</param>
    public static LatencySummary From(long[] latencyTicks, long[] latenessTicks, ProcessCost cost, string? firstFailure)
    {
        ArgumentNullException.ThrowIfNull(latencyTicks);
        ArgumentNullException.ThrowIfNull(latenessTicks);
        var succeeded = latencyTicks.Where(ticks => ticks >= 0).Order().ToArray();
        var lateness = latenessTicks.Order().ToArray();
        return new LatencySummary(
            latencyTicks.Length,
            latencyTicks.Length - succeeded.Length,
            Percentile(succeeded, 0.50),
            Percentile(succeeded, 0.99),
            succeeded.Length == 0 ? double.NaN : Milliseconds(succeeded[^1]),
            Percentile(lateness, 0.99),
            cost,
            firstFailure);
    }

    public int Succeeded => Count - Failures;

    /// <summary>CPU time of this process per operation, in microseconds.</summary>
    public double CpuPerOperationUs => Count == 0 ? double.NaN : Cost.Cpu.TotalMicroseconds / Count;

    private static double Percentile(long[] sorted, double fraction)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return Milliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
