namespace Ecommerce.DaprLocal.Expressions;

/// <summary>
/// Recursive descent over CEL's precedence (<c>||</c>, then <c>&amp;&amp;</c>, relations, sums, products,
/// unary operators), type-checking each node as it is built, so that an expression that could not
/// evaluate as written is refused when it is parsed. Beyond CEL's own rules the subset refuses what it
/// cannot evaluate faithfully: chained comparisons, ordering booleans or null, and arithmetic on values
/// whose type is only known at evaluation (CEL's overloads for those, string or list concatenation
/// among them, are not part of it).
/// </summary>
internal sealed class CelParser
{
    // Parsing and evaluation recurse as deep as the expression nests; a bound on its length keeps a
    // pathological rule ("((((...") a refusal rather than a stack overflow that ends the process.
    private const int MaxTokens = 1000;

    private static readonly string[] s_relations = ["==", "!=", "<", "<=", ">", ">="];

    private readonly string _text;
    private readonly CelDialect _dialect;
    private readonly List<CelToken> _tokens;
    private int _next;

    private CelParser(string text, CelDialect dialect)
    {
        _text = text;
        _dialect = dialect;
        _tokens = CelTokenizer.Tokenize(text);
        if (_tokens.Count > MaxTokens)
        {
            throw CelTokenizer.Error(_tokens[MaxTokens].Position, $"the expression is too long (more than {MaxTokens} tokens)");
        }
    }

    private CelToken Current => _tokens[_next];

    public static CelNode Parse(string text, CelDialect dialect)
    {
        var parser = new CelParser(text, dialect);
        var root = parser.ParseOr();
        return parser.Current.Kind == CelTokenKind.End ? root : throw parser.Unexpected();
    }

    private CelNode ParseOr()
    {
        var left = ParseAnd();
        while (TryTake(out var op, "||"))
        {
            left = Logical(op, left, ParseAnd());
        }
        return left;
    }

    private CelNode ParseAnd()
    {
        var left = ParseRelation();
        while (TryTake(out var op, "&&"))
        {
            left = Logical(op, left, ParseRelation());
        }
        return left;
    }

    private CelNode ParseRelation()
    {
        var left = ParseSum();
        if (!TryTake(out var op, s_relations))
        {
            return left;
        }
        var right = ParseSum();
        if (IsSymbol(Current, s_relations))
        {
            throw CelTokenizer.Error(Current.Position, "comparisons do not chain; join them with && or ||");
        }
        var (l, r) = (left.Type, right.Type);
        if (l != r && l != CelType.Dyn && r != CelType.Dyn && !(IsNumber(l) && IsNumber(r)))
        {
            throw CelTokenizer.Error(op.Position, $"'{op.Text}' compares {l.Describe()} with {r.Describe()}");
        }
        if (op.Text is not ("==" or "!=") && !(IsOrdered(l) && IsOrdered(r)))
        {
            throw CelTokenizer.Error(op.Position, $"'{op.Text}' needs numbers or strings on both sides");
        }
        return new CelRelation(op.Text, left, right);
    }

    private CelNode ParseSum()
    {
        var left = ParseProduct();
        while (TryTake(out var op, "+", "-"))
        {
            left = Arithmetic(op, left, ParseProduct());
        }
        return left;
    }

    private CelNode ParseProduct()
    {
        var left = ParseUnary();
        while (TryTake(out var op, "*", "/", "%"))
        {
            left = Arithmetic(op, left, ParseUnary());
        }
        return left;
    }

    private CelNode ParseUnary()
    {
        if (TryTake(out var not, "!"))
        {
            var operand = ParseUnary();
            return operand.Type is CelType.Bool or CelType.Dyn ? new CelNot(operand) : throw CelTokenizer.Error(not.Position, "'!' needs a boolean");
        }
        if (TryTake(out var minus, "-"))
        {
            var operand = ParseUnary();
            return IsNumber(operand.Type) ? new CelNegate(operand) : throw CelTokenizer.Error(minus.Position, "'-' needs a number");
        }
        return ParsePrimary();
    }

    private CelNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case CelTokenKind.Literal when token.Value is CelDouble && !_dialect.AllowsDoubles:
                throw CelTokenizer.Error(token.Position, $"only plain integer literals are supported here, not '{token.Text}'");
            case CelTokenKind.Literal:
                _next++;
                return new CelLiteral(token.Value!, LiteralType(token.Value!));
            case CelTokenKind.Identifier:
                _next++;
                return ParsePath(token);
            case CelTokenKind.Symbol when token.Text == "(":
                _next++;
                var inner = ParseOr();
                return TryTake(out _, ")") ? inner : throw CelTokenizer.Error(Current.Position, "missing ')'");
            case CelTokenKind.End:
                throw CelTokenizer.Error(token.Position, "the expression ends too early");
            default:
                throw Unexpected();
        }
    }

    /// <summary>A name and its fields (<c>event.data.total</c>), typed by the dialect.</summary>
    private CelPath ParsePath(CelToken name)
    {
        var segments = new List<string> { name.Text };
        while (TryTake(out _, "."))
        {
            if (Current.Kind != CelTokenKind.Identifier)
            {
                throw CelTokenizer.Error(Current.Position, "expected a field name after '.'");
            }
            segments.Add(Current.Text);
            _next++;
        }
        if (IsSymbol(Current, "("))
        {
            throw CelTokenizer.Error(Current.Position, "function calls are not supported");
        }
        var type = _dialect.TypeOf(segments)
            ?? throw CelTokenizer.Error(name.Position, $"unknown name '{string.Join('.', segments)}' (known: {_dialect.KnownNames})");
        return new CelPath(segments, type);
    }

    private static CelLogical Logical(CelToken op, CelNode left, CelNode right) =>
        left.Type is CelType.Bool or CelType.Dyn && right.Type is CelType.Bool or CelType.Dyn
            ? new CelLogical(op.Text, left, right)
            : throw CelTokenizer.Error(op.Position, $"'{op.Text}' needs conditions on both sides");

    private static CelArithmetic Arithmetic(CelToken op, CelNode left, CelNode right)
    {
        if (!IsNumber(left.Type) || !IsNumber(right.Type))
        {
            var dynamic = left.Type == CelType.Dyn || right.Type == CelType.Dyn;
            throw CelTokenizer.Error(op.Position, $"'{op.Text}' needs numbers on both sides"
                + (dynamic ? " (arithmetic on a field whose type is only known at evaluation is not supported)" : ""));
        }
        if (left.Type != right.Type)
        {
            throw CelTokenizer.Error(op.Position, $"'{op.Text}' mixes an integer and a double; CEL does not convert them (write 2.0 for a double)");
        }
        return op.Text == "%" && left.Type == CelType.Double
            ? throw CelTokenizer.Error(op.Position, "'%' needs integers")
            : new CelArithmetic(op.Text, left, right);
    }

    private static bool IsNumber(CelType type) => type is CelType.Int or CelType.Double;

    private static bool IsOrdered(CelType type) => type is CelType.Int or CelType.Double or CelType.String or CelType.Dyn;

    private static CelType LiteralType(CelValue value) => value switch
    {
        CelBool => CelType.Bool,
        CelInt => CelType.Int,
        CelDouble => CelType.Double,
        CelString => CelType.String,
        _ => CelType.Null,
    };

    private static bool IsSymbol(CelToken token, params ReadOnlySpan<string> symbols) =>
        token.Kind == CelTokenKind.Symbol && symbols.Contains(token.Text);

    private bool TryTake(out CelToken token, params ReadOnlySpan<string> symbols)
    {
        token = Current;
        if (!IsSymbol(token, symbols))
        {
            return false;
        }
        _next++;
        return true;
    }

    private FormatException Unexpected() => CelTokenizer.Error(Current.Position, $"unexpected '{_text[Current.Position..]}'");
}
