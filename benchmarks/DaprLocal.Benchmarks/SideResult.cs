namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// One variant (DaprLocal or direct) over all its rounds: the medians of the per-round p50 and
/// p99 — a noisy round on a shared machine moves a median much less than a pooled percentile —
/// and the worst latency of any round.
/// </summary>
internal sealed record SideResult(IReadOnlyList<LatencySummary> Rounds)
{
    public double P50Ms => Median(Rounds.Select(round => round.P50Ms));

    public double P99Ms => Median(Rounds.Select(round => round.P99Ms));

    public double MaxMs => Rounds.Max(round => round.MaxMs);

    public double LatenessP99Ms => Median(Rounds.Select(round => round.LatenessP99Ms));

    public double CpuPerOperationUs => Median(Rounds.Select(round => round.CpuPerOperationUs));

    public int Collections => Rounds.Sum(round => round.Cost.Collections);

    public double GcPauseMs => Rounds.Sum(round => round.Cost.GcPause.TotalMilliseconds);

    public int Count => Rounds.Sum(round => round.Count);

    public int Failures => Rounds.Sum(round => round.Failures);

    public string? FirstFailure => Rounds.Select(round => round.FirstFailure).FirstOrDefault(failure => failure is not null);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
