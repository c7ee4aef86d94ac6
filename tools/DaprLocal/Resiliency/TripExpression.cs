using Ecommerce.DaprLocal.Expressions;

namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// A circuit breaker's <c>trip</c> condition: a <see cref="CelExpression"/> over the breaker's integer
/// counters <c>requests</c>, <c>totalSuccesses</c>, <c>totalFailures</c>, <c>consecutiveSuccesses</c> and
/// <c>consecutiveFailures</c>. It is type-checked when parsed, so a condition that could never trip
/// (unknown variable, not a boolean) is rejected up front, where daprd would accept it and then never
/// trip. As in daprd, an evaluation error (division by zero, overflow) means "do not trip".
/// </summary>
public sealed class TripExpression
{
    private static readonly Dictionary<string, Func<BreakerCounts, long>> s_counters = new(StringComparer.Ordinal)
    {
        ["requests"] = c => c.Requests,
        ["totalSuccesses"] = c => c.TotalSuccesses,
        ["totalFailures"] = c => c.TotalFailures,
        ["consecutiveSuccesses"] = c => c.ConsecutiveSuccesses,
        ["consecutiveFailures"] = c => c.ConsecutiveFailures,
    };

    private static readonly CelDialect s_dialect = new(
        path => path is [var name] && s_counters.ContainsKey(name) ? CelType.Int : null,
        string.Join(", ", s_counters.Keys))
    {
        AllowsDoubles = false,
    };

    private readonly CelExpression _expression;

    private TripExpression(CelExpression expression) => _expression = expression;

    /// <summary>gobreaker's own rule, used when a breaker has no <c>trip</c>.</summary>
    public static TripExpression Default { get; } = Parse("consecutiveFailures > 5");

    public string Text => _expression.Text;

    /// <exception cref="FormatException">The text is not a boolean expression over the breaker counters.</exception>
    public static TripExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        CelExpression expression;
        try
        {
            expression = CelExpression.Parse(text, s_dialect);
        }
        catch (FormatException error)
        {
            throw new FormatException($"trip expression '{text}': {error.Message}", error);
        }
        return expression.Type == CelType.Bool
            ? new TripExpression(expression)
            : throw new FormatException($"'{text}' is {expression.Type.Describe()}, not a condition; compare it, e.g. consecutiveFailures > 5.");
    }

    public bool Evaluate(BreakerCounts counts) => _expression.IsTrue(path => new CelInt(s_counters[path[0]](counts)));

    public override string ToString() => Text;
}
