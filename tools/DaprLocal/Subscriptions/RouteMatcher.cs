using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Subscriptions;

/// <summary>
/// Evaluates subscription routing rules. daprd accepts full CEL over the variable <c>event</c>
/// (the CloudEvent); DaprLocal evaluates the subset routing rules use in practice: paths into the
/// event (<c>event.type</c>, <c>event.data.total</c>), string/number/bool/null literals,
/// <c>== != &lt; &lt;= &gt; &gt;=</c>, <c>&amp;&amp; || !</c> and parentheses. Anything else is refused when the
/// subscription is loaded, never mis-evaluated at delivery time.
/// </summary>
public static class RouteMatcher
{
    public static void Validate(string expression, string location)
    {
        try
        {
            Parse(expression);
        }
        catch (FormatException error)
        {
            throw new ResourceException(location, $"routing rule '{expression}' is not supported by DaprLocal: {error.Message}");
        }
    }

    /// <summary>Whether <paramref name="expression"/> holds for the CloudEvent <paramref name="cloudEvent"/>.</summary>
    public static bool Matches(string expression, JsonObject cloudEvent) =>
        Parse(expression).Evaluate(cloudEvent) is JsonValue value && value.TryGetValue<bool>(out var result) && result;

    private static Expression Parse(string text)
    {
        var parser = new Parser(text);
        var expression = parser.ParseOr();
        parser.ExpectEnd();
        return expression;
    }

    private abstract record Expression
    {
        public abstract JsonNode? Evaluate(JsonObject cloudEvent);
    }

    private sealed record Literal(JsonNode? Value) : Expression
    {
        public override JsonNode? Evaluate(JsonObject cloudEvent) => Value;
    }

    private sealed record Path(IReadOnlyList<string> Segments) : Expression
    {
        public override JsonNode? Evaluate(JsonObject cloudEvent)
        {
            JsonNode? current = cloudEvent;
            foreach (var segment in Segments)
            {
                current = current is JsonObject obj && obj.TryGetPropertyValue(segment, out var next) ? next : null;
            }
            return current;
        }
    }

    private sealed record Not(Expression Operand) : Expression
    {
        public override JsonNode? Evaluate(JsonObject cloudEvent) => JsonValue.Create(!IsTrue(Operand.Evaluate(cloudEvent)));
    }

    private sealed record Binary(string Operator, Expression Left, Expression Right) : Expression
    {
        public override JsonNode? Evaluate(JsonObject cloudEvent)
        {
            if (Operator == "&&")
            {
                return JsonValue.Create(IsTrue(Left.Evaluate(cloudEvent)) && IsTrue(Right.Evaluate(cloudEvent)));
            }
            if (Operator == "||")
            {
                return JsonValue.Create(IsTrue(Left.Evaluate(cloudEvent)) || IsTrue(Right.Evaluate(cloudEvent)));
            }

            var left = Left.Evaluate(cloudEvent);
            var right = Right.Evaluate(cloudEvent);
            return JsonValue.Create(Operator switch
            {
                "==" => JsonNode.DeepEquals(Normalize(left), Normalize(right)),
                "!=" => !JsonNode.DeepEquals(Normalize(left), Normalize(right)),
                _ => Compare(left, right) is { } order && Operator switch
                {
                    "<" => order < 0,
                    "<=" => order <= 0,
                    ">" => order > 0,
                    _ => order >= 0,
                },
            });
        }

        // Numbers compare by value whatever their JSON spelling (1 == 1.0).
        private static JsonNode? Normalize(JsonNode? node) =>
            node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? JsonValue.Create(value.GetValue<double>()) : node;

        private static int? Compare(JsonNode? left, JsonNode? right) =>
            (left, right) switch
            {
                (JsonValue l, JsonValue r) when l.GetValueKind() == JsonValueKind.Number && r.GetValueKind() == JsonValueKind.Number =>
                    l.GetValue<double>().CompareTo(r.GetValue<double>()),
                (JsonValue l, JsonValue r) when l.GetValueKind() == JsonValueKind.String && r.GetValueKind() == JsonValueKind.String =>
                    string.CompareOrdinal(l.GetValue<string>(), r.GetValue<string>()),
                _ => null,
            };
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var result) && result;

    private sealed class Parser(string text)
    {
        private int _position;

        public Expression ParseOr()
        {
            var left = ParseAnd();
            while (TryConsume("||"))
            {
                left = new Binary("||", left, ParseAnd());
            }
            return left;
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_position < text.Length)
            {
                throw new FormatException($"unexpected '{text[_position..]}'.");
            }
        }

        private Expression ParseAnd()
        {
            var left = ParseUnary();
            while (TryConsume("&&"))
            {
                left = new Binary("&&", left, ParseUnary());
            }
            return left;
        }

        private Expression ParseUnary()
        {
            if (TryConsume("!") )
            {
                return new Not(ParseUnary());
            }
            var left = ParseOperand();
            foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
            {
                if (TryConsume(op))
                {
                    return new Binary(op, left, ParseOperand());
                }
            }
            return left;
        }

        private Expression ParseOperand()
        {
            SkipSpaces();
            if (_position >= text.Length)
            {
                throw new FormatException("the expression ends too early.");
            }
            var c = text[_position];
            if (c == '(')
            {
                _position++;
                var inner = ParseOr();
                if (!TryConsume(")"))
                {
                    throw new FormatException("missing ')'.");
                }
                return inner;
            }
            if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, _position + 1);
                if (end < 0)
                {
                    throw new FormatException("unterminated string.");
                }
                var value = text[(_position + 1)..end];
                _position = end + 1;
                return new Literal(JsonValue.Create(value));
            }
            if (char.IsDigit(c) || c == '-')
            {
                var start = _position++;
                while (_position < text.Length && (char.IsDigit(text[_position]) || text[_position] == '.'))
                {
                    _position++;
                }
                return new Literal(JsonValue.Create(double.Parse(text[start.._position], CultureInfo.InvariantCulture)));
            }
            var identifier = ReadIdentifier();
            switch (identifier)
            {
                case "true":
                    return new Literal(JsonValue.Create(true));
                case "false":
                    return new Literal(JsonValue.Create(false));
                case "null":
                    return new Literal(null);
                case "event":
                    var segments = new List<string>();
                    while (_position < text.Length && text[_position] == '.')
                    {
                        _position++;
                        segments.Add(ReadIdentifier());
                    }
                    SkipSpaces();
                    if (_position < text.Length && text[_position] == '(')
                    {
                        throw new FormatException("function calls are not supported.");
                    }
                    return new Path(segments);
                default:
                    throw new FormatException($"'{identifier}' is not a supported name (only 'event' and literals).");
            }
        }

        private string ReadIdentifier()
        {
            SkipSpaces();
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_'))
            {
                _position++;
            }
            if (start == _position)
            {
                throw new FormatException($"expected a name at position {start}.");
            }
            return text[start.._position];
        }

        private bool TryConsume(string token)
        {
            SkipSpaces();
            if (string.CompareOrdinal(text, _position, token, 0, token.Length) != 0)
            {
                return false;
            }
            // '!' must not swallow the first character of '!='.
            if (token == "!" && _position + 1 < text.Length && text[_position + 1] == '=')
            {
                return false;
            }
            _position += token.Length;
            return true;
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }
    }
}
