using System.Numerics;

namespace Ecommerce.DaprLocal.Expressions;

/// <summary>
/// A node of a parsed expression, immutable, with the static type the parser checked for it. Evaluating
/// gives a value of that type (any type for <see cref="CelType.Dyn"/>) or null for an evaluation error.
/// </summary>
internal abstract record CelNode(CelType Type)
{
    public abstract CelValue? Evaluate(CelResolver resolve);
}

internal sealed record CelLiteral(CelValue Value, CelType LiteralType) : CelNode(LiteralType)
{
    public override CelValue? Evaluate(CelResolver resolve) => Value;
}

internal sealed record CelPath(IReadOnlyList<string> Segments, CelType PathType) : CelNode(PathType)
{
    public override CelValue? Evaluate(CelResolver resolve) => resolve(Segments);
}

internal sealed record CelNot(CelNode Operand) : CelNode(CelType.Bool)
{
    public override CelValue? Evaluate(CelResolver resolve) =>
        Operand.Evaluate(resolve) is CelBool operand ? CelValue.Of(!operand.Value) : null;
}

internal sealed record CelNegate(CelNode Operand) : CelNode(Operand.Type)
{
    public override CelValue? Evaluate(CelResolver resolve) => Operand.Evaluate(resolve) switch
    {
        CelInt integer => CelArithmetic.Fit(-(Int128)integer.Value),
        CelDouble real => new CelDouble(-real.Value),
        _ => null,
    };
}

/// <summary><c>&amp;&amp;</c> or <c>||</c>.</summary>
internal sealed record CelLogical(string Operator, CelNode Left, CelNode Right) : CelNode(CelType.Bool)
{
    // CEL's logical operators are commutative over errors: the deciding value (false for &&, true for
    // ||) on either side wins whatever the other side is; otherwise an error on either side is the result.
    public override CelValue? Evaluate(CelResolver resolve)
    {
        var deciding = Operator == "||";
        var left = Left.Evaluate(resolve);
        if (left is CelBool l && l.Value == deciding)
        {
            return CelValue.Of(deciding);
        }
        var right = Right.Evaluate(resolve);
        if (right is CelBool r && r.Value == deciding)
        {
            return CelValue.Of(deciding);
        }
        return left is CelBool && right is CelBool ? CelValue.Of(!deciding) : null;
    }
}

/// <summary><c>+ - * / %</c> over two integers or two doubles (the parser allows nothing else).</summary>
internal sealed record CelArithmetic(string Operator, CelNode Left, CelNode Right) : CelNode(Left.Type)
{
    public override CelValue? Evaluate(CelResolver resolve) => (Left.Evaluate(resolve), Right.Evaluate(resolve)) switch
    {
        (CelInt a, CelInt b) => Integer(a.Value, b.Value),
        (CelDouble a, CelDouble b) => Real(a.Value, b.Value),
        _ => null,
    };

    /// <summary>A result outside the 64-bit range is an error, as in CEL, never a wrapped value.</summary>
    internal static CelInt? Fit(Int128 value) => value >= long.MinValue && value <= long.MaxValue ? new CelInt((long)value) : null;

    private CelInt? Integer(long a, long b) => Operator switch
    {
        "+" => Fit((Int128)a + b),
        "-" => Fit((Int128)a - b),
        "*" => Fit((Int128)a * b),
        "/" => b == 0 ? null : Fit((Int128)a / b),
        "%" => b == 0 ? null : Fit((Int128)a % b),
        _ => null,
    };

    // Doubles follow IEEE 754 as in CEL: dividing by zero gives an infinity or NaN, not an error.
    private CelDouble? Real(double a, double b) => Operator switch
    {
        "+" => new CelDouble(a + b),
        "-" => new CelDouble(a - b),
        "*" => new CelDouble(a * b),
        "/" => new CelDouble(a / b),
        _ => null,
    };
}

/// <summary><c>== != &lt; &lt;= &gt; &gt;=</c>.</summary>
internal sealed record CelRelation(string Operator, CelNode Left, CelNode Right) : CelNode(CelType.Bool)
{
    public override CelValue? Evaluate(CelResolver resolve)
    {
        if (Left.Evaluate(resolve) is not { } left || Right.Evaluate(resolve) is not { } right)
        {
            return null;
        }
        return Operator switch
        {
            "==" => CelValue.Of(CelValue.Equal(left, right)),
            "!=" => CelValue.Of(!CelValue.Equal(left, right)),
            _ => Order(left, right) is { } holds ? CelValue.Of(holds) : null,
        };
    }

    /// <summary>Numbers order by value, strings ordinally; other values have no order (an error).</summary>
    private bool? Order(CelValue left, CelValue right) => (left, right) switch
    {
        (CelInt a, CelInt b) => Holds(a.Value, b.Value),
        (CelInt or CelDouble, CelInt or CelDouble) => Holds(CelValue.ToDouble(left), CelValue.ToDouble(right)),
        (CelString a, CelString b) => Holds(string.CompareOrdinal(a.Value, b.Value), 0),
        _ => null,
    };

    // The type's own operators, so that NaN compares false both ways as CEL requires.
    private bool Holds<T>(T a, T b)
        where T : IComparisonOperators<T, T, bool> => Operator switch
        {
            "<" => a < b,
            "<=" => a <= b,
            ">" => a > b,
            _ => a >= b,
        };
}
