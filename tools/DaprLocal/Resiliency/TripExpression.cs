using System.Globalization;

namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// A circuit breaker's <c>trip</c> condition: the part of CEL that makes sense over the breaker's
/// counters — integer literals, the variables <c>requests</c>, <c>totalSuccesses</c>, <c>totalFailures</c>,
/// <c>consecutiveSuccesses</c>, <c>consecutiveFailures</c>, <c>true</c>/<c>false</c>, arithmetic
/// (<c>+ - * / %</c>), comparisons, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> and parentheses. It is type-checked
/// when parsed, so a condition that could never trip (unknown variable, not a boolean) is rejected up
/// front, where daprd would accept it and then never trip. As in daprd, an evaluation error
/// (division by zero, overflow) means "do not trip".
/// </summary>
public sealed class TripExpression
{
    private readonly Node _root;

    private TripExpression(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>gobreaker's own rule, used when a breaker has no <c>trip</c>.</summary>
    public static TripExpression Default { get; } = Parse("consecutiveFailures > 5");

    public string Text { get; }

    /// <exception cref="FormatException">The text is not a boolean expression over the breaker counters.</exception>
    public static TripExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        var root = parser.ParseWhole();
        if (root.Type != ValueType.Bool)
        {
            throw new FormatException($"'{text}' is a number, not a condition; compare it, e.g. consecutiveFailures > 5.");
        }
        return new TripExpression(text, root);
    }

    public bool Evaluate(BreakerCounts counts) => _root.Evaluate(counts) == 1;

    public override string ToString() => Text;

    private enum ValueType
    {
        Int,
        Bool,
    }

    /// <summary>An expression node; booleans evaluate to 1/0, an evaluation error to null.</summary>
    private abstract record Node(ValueType Type)
    {
        public abstract long? Evaluate(in BreakerCounts counts);
    }

    private sealed record Literal(long Value, ValueType LiteralType) : Node(LiteralType)
    {
        public override long? Evaluate(in BreakerCounts counts) => Value;
    }

    private sealed record Variable(Func<BreakerCounts, long> Read) : Node(ValueType.Int)
    {
        public override long? Evaluate(in BreakerCounts counts) => Read(counts);
    }

    private sealed record Not(Node Operand) : Node(ValueType.Bool)
    {
        public override long? Evaluate(in BreakerCounts counts) => Operand.Evaluate(counts) is { } value ? 1 - value : null;
    }

    private sealed record Negate(Node Operand) : Node(ValueType.Int)
    {
        public override long? Evaluate(in BreakerCounts counts) =>
            Operand.Evaluate(counts) is { } value ? Fit(-(Int128)value) : null;
    }

    private sealed record Binary(string Operator, Node Left, Node Right, ValueType ResultType) : Node(ResultType)
    {
        public override long? Evaluate(in BreakerCounts counts)
        {
            var left = Left.Evaluate(counts);
            var right = Right.Evaluate(counts);
            switch (Operator)
            {
                // CEL's logical operators are commutative over errors: one decisive side wins.
                case "&&":
                    return left == 0 || right == 0 ? 0 : left is null || right is null ? null : 1;
                case "||":
                    return left == 1 || right == 1 ? 1 : left is null || right is null ? null : 0;
            }
            if (left is not { } a || right is not { } b)
            {
                return null;
            }
            return Operator switch
            {
                "+" => Fit((Int128)a + b),
                "-" => Fit((Int128)a - b),
                "*" => Fit((Int128)a * b),
                "/" => b == 0 ? null : Fit((Int128)a / b),
                "%" => b == 0 ? null : Fit((Int128)a % b),
                "==" => a == b ? 1 : 0,
                "!=" => a != b ? 1 : 0,
                "<" => a < b ? 1 : 0,
                "<=" => a <= b ? 1 : 0,
                ">" => a > b ? 1 : 0,
                ">=" => a >= b ? 1 : 0,
                _ => null,
            };
        }
    }

    private static long? Fit(Int128 value) => value >= long.MinValue && value <= long.MaxValue ? (long)value : null;

    /// <summary>Recursive descent over CEL's precedence: || then &amp;&amp; then relations, sums, products, unary.</summary>
    private sealed class Parser(string text)
    {
        private static readonly Dictionary<string, Func<BreakerCounts, long>> s_variables = new(StringComparer.Ordinal)
        {
            ["requests"] = c => c.Requests,
            ["totalSuccesses"] = c => c.TotalSuccesses,
            ["totalFailures"] = c => c.TotalFailures,
            ["consecutiveSuccesses"] = c => c.ConsecutiveSuccesses,
            ["consecutiveFailures"] = c => c.ConsecutiveFailures,
        };

        private static readonly string[] s_operators = ["||", "&&", "==", "!=", "<=", ">=", "<", ">", "!", "+", "-", "*", "/", "%", "(", ")"];

        private int _position;

        public Node ParseWhole()
        {
            var node = ParseOr();
            SkipSpaces();
            if (_position < text.Length)
            {
                throw Error($"unexpected '{text[_position..]}'");
            }
            return node;
        }

        private Node ParseOr()
        {
            var left = ParseAnd();
            while (TryTake("||"))
            {
                left = Logical("||", left, ParseAnd());
            }
            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseRelation();
            while (TryTake("&&"))
            {
                left = Logical("&&", left, ParseRelation());
            }
            return left;
        }

        private Node ParseRelation()
        {
            var left = ParseSum();
            foreach (var op in (string[])["==", "!=", "<=", ">=", "<", ">"])
            {
                if (!TryTake(op))
                {
                    continue;
                }
                var right = ParseSum();
                if (left.Type != right.Type)
                {
                    throw Error($"'{op}' compares a number with a boolean");
                }
                if (left.Type == ValueType.Bool && op is not ("==" or "!="))
                {
                    throw Error($"'{op}' needs numbers on both sides");
                }
                return new Binary(op, left, right, ValueType.Bool);
            }
            return left;
        }

        private Node ParseSum()
        {
            var left = ParseProduct();
            while (true)
            {
                var op = TryTake("+") ? "+" : TryTake("-") ? "-" : null;
                if (op is null)
                {
                    return left;
                }
                left = Arithmetic(op, left, ParseProduct());
            }
        }

        private Node ParseProduct()
        {
            var left = ParseUnary();
            while (true)
            {
                var op = TryTake("*") ? "*" : TryTake("/") ? "/" : TryTake("%") ? "%" : null;
                if (op is null)
                {
                    return left;
                }
                left = Arithmetic(op, left, ParseUnary());
            }
        }

        private Node ParseUnary()
        {
            if (TryTake("!"))
            {
                var operand = ParseUnary();
                return operand.Type == ValueType.Bool ? new Not(operand) : throw Error("'!' needs a boolean");
            }
            if (TryTake("-"))
            {
                var operand = ParseUnary();
                return operand.Type == ValueType.Int ? new Negate(operand) : throw Error("'-' needs a number");
            }
            return ParsePrimary();
        }

        private Node ParsePrimary()
        {
            SkipSpaces();
            if (TryTake("("))
            {
                var inner = ParseOr();
                return TryTake(")") ? inner : throw Error("missing ')'");
            }
            if (_position >= text.Length)
            {
                throw Error("the expression ends too early");
            }
            var c = text[_position];
            if (char.IsAsciiDigit(c))
            {
                return ParseNumber();
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = _position;
                while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_'))
                {
                    _position++;
                }
                var name = text[start.._position];
                if (name is "true" or "false")
                {
                    return new Literal(name == "true" ? 1 : 0, ValueType.Bool);
                }
                if (s_variables.TryGetValue(name, out var read))
                {
                    return new Variable(read);
                }
                throw Error($"unknown name '{name}' (known: {string.Join(", ", s_variables.Keys)})", start);
            }
            throw Error($"unexpected '{c}'");
        }

        private Literal ParseNumber()
        {
            var start = _position;
            var hex = text.AsSpan(_position).StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            _position += hex ? 2 : 0;
            while (_position < text.Length && (hex ? char.IsAsciiHexDigit(text[_position]) : char.IsAsciiDigit(text[_position])))
            {
                _position++;
            }
            if (_position < text.Length && (text[_position] is '.' or 'e' or 'E' or 'u' or 'U' || char.IsAsciiLetter(text[_position])))
            {
                throw Error("only plain integer literals are supported (the counters are integers)", start);
            }
            var digits = text[(start + (hex ? 2 : 0)).._position];
            var parsed = hex
                ? long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) && value >= 0
                : long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
            return parsed && digits.Length > 0 ? new Literal(value, ValueType.Int) : throw Error($"'{text[start.._position]}' is not a valid integer", start);
        }

        private Binary Logical(string op, Node left, Node right) =>
            left.Type == ValueType.Bool && right.Type == ValueType.Bool
                ? new Binary(op, left, right, ValueType.Bool)
                : throw Error($"'{op}' needs conditions on both sides");

        private Binary Arithmetic(string op, Node left, Node right) =>
            left.Type == ValueType.Int && right.Type == ValueType.Int
                ? new Binary(op, left, right, ValueType.Int)
                : throw Error($"'{op}' needs numbers on both sides");

        /// <summary>Consumes <paramref name="op"/> unless it is only the start of a longer operator ("&lt;" of "&lt;=").</summary>
        private bool TryTake(string op)
        {
            SkipSpaces();
            if (!text.AsSpan(_position).StartsWith(op, StringComparison.Ordinal))
            {
                return false;
            }
            var longer = s_operators.Any(other => other.Length > op.Length && other.StartsWith(op, StringComparison.Ordinal)
                && text.AsSpan(_position).StartsWith(other, StringComparison.Ordinal));
            if (longer)
            {
                return false;
            }
            _position += op.Length;
            return true;
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private FormatException Error(string message, int? at = null) =>
            new($"trip expression '{text}': {message} at column {(at ?? _position) + 1}.");
    }
}
