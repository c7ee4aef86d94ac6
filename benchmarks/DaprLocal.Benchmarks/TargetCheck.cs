namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// One figure held against its target from the issue: met or missed, and how to say so. The limit
/// is a maximum, or with <paramref name="AtLeast"/> a minimum (a throughput).
/// </summary>
internal sealed record TargetCheck(string Metric, double Value, double Limit, string Unit, bool AtLeast = false)
{
    public bool Met => AtLeast ? Value >= Limit : Value <= Limit;

    public string Result => double.IsNaN(Value) ? "n/a" : Met ? "PASS" : "MISS";

    public string Describe() => $"{Metric} {Value:0.000} {Unit} {(AtLeast ? (Met ? ">=" : "<") : (Met ? "<=" : ">"))} {Limit:0.###} {Unit}";
}
