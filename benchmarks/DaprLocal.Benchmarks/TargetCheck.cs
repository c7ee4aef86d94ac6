namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>One figure held against its target from the issue: met or missed, and how to say so.</summary>
internal sealed record TargetCheck(string Metric, double Value, double Limit, string Unit)
{
    public bool Met => Value <= Limit;

    public string Result => double.IsNaN(Value) ? "n/a" : Met ? "PASS" : "MISS";

    public string Describe() => $"{Metric} {Value:0.000} {Unit} {(Met ? "<=" : ">")} {Limit:0.###} {Unit}";
}
