namespace Ecommerce.DaprLocal.Expressions;

/// <summary>
/// The one subset of CEL (Common Expression Language) DaprLocal evaluates, wherever daprd evaluates CEL:
/// subscription routing rules and circuit breaker trip conditions. It covers literals (integers, doubles,
/// strings, <c>true false null</c>), names and their fields (<c>event.data.total</c>) declared by a
/// <see cref="CelDialect"/>, <c>+ - * / %</c>, <c>== != &lt; &lt;= &gt; &gt;=</c>, <c>! &amp;&amp; ||</c> and
/// parentheses. Every expression is type-checked when parsed; what falls outside the subset is refused
/// then, never evaluated differently from daprd.
/// </summary>
public sealed class CelExpression
{
    private readonly CelNode _root;

    private CelExpression(string text, CelNode root)
    {
        Text = text;
        _root = root;
    }

    public string Text { get; }

    /// <summary>The static type of the result; <see cref="CelType.Dyn"/> when it depends on what the names hold.</summary>
    public CelType Type => _root.Type;

    /// <exception cref="FormatException">
    /// The text is not in the subset, names something the dialect does not declare, or applies an operator
    /// to types it does not take; the message gives the column.
    /// </exception>
    public static CelExpression Parse(string text, CelDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(dialect);
        return new CelExpression(text, CelParser.Parse(text, dialect));
    }

    /// <summary>The value of the expression, or null for an evaluation error (division by zero, overflow,
    /// an operator meeting a value of the wrong type at evaluation).</summary>
    public CelValue? Evaluate(CelResolver resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return _root.Evaluate(resolve);
    }

    /// <summary>Whether the expression evaluates to <c>true</c>; false, an error or any other value is not.</summary>
    public bool IsTrue(CelResolver resolve) => Evaluate(resolve) is CelBool { Value: true };

    public override string ToString() => Text;
}
