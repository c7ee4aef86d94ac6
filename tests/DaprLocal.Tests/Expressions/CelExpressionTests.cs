using Ecommerce.DaprLocal.Expressions;

namespace Ecommerce.DaprLocal.Tests.Expressions;

public class CelExpressionTests
{
    // i: an integer, d: a double, s: a string, flag: a boolean, doc.*: dynamic fields,
    // broken: an integer whose read fails (an evaluation error).
    private static readonly Dictionary<string, CelType> s_types = new()
    {
        ["i"] = CelType.Int,
        ["d"] = CelType.Double,
        ["s"] = CelType.String,
        ["flag"] = CelType.Bool,
        ["broken"] = CelType.Int,
        ["doc"] = CelType.Dyn,
    };

    private static readonly Dictionary<string, CelValue?> s_values = new()
    {
        ["i"] = new CelInt(7),
        ["d"] = new CelDouble(2.5),
        ["s"] = new CelString("abc"),
        ["flag"] = CelValue.True,
        ["broken"] = null,
        ["doc.number"] = new CelDouble(3),
        ["doc.text"] = new CelString("x"),
        ["doc.yes"] = CelValue.True,
        ["doc.missing"] = null,
    };

    private static readonly CelDialect s_dialect = new(
        path => s_types.TryGetValue(path[0], out var type) && (path.Count == 1 || type == CelType.Dyn) ? type : null,
        string.Join(", ", s_types.Keys));

    [Theory]
    [InlineData("1 + 2 * 3 == 7")]
    [InlineData("(1 + 2) * 3 == 9")]
    [InlineData("10 - 4 - 3 == 3")]
    [InlineData("-2 * 3 == -6")]
    [InlineData("--2 == 2")]
    [InlineData("7 / 2 == 3 && -7 / 2 == -3")]
    [InlineData("7 % 3 == 1 && -7 % 3 == -1")]
    [InlineData("0x1F == 31")]
    [InlineData("1.5 + 2.5 == 4.0")]
    [InlineData("1e3 == 1000 && 2.5e-1 == 0.25")]
    [InlineData("1 == 1.0 && 1 < 1.5 && 2.0 >= 2")]
    [InlineData("'abc' == \"abc\" && 'B' < 'a' && 'ab' <= 'b'")]
    [InlineData("'it\\'s' == \"it's\" && \"a\\tb\" != 'a b' && '\\\\' != ''")]
    [InlineData("null == null && true != false")]
    [InlineData("!false && !!true")]
    [InlineData("true || false && false")]
    [InlineData("!(i < 2) && i == 7 && s == 'abc' && d > 2 && flag")]
    [InlineData("i * 2 - 1 >= 0xD")]
    public void Evaluates_to_true(string text)
    {
        Assert.Equal(CelValue.True, Evaluate(text));
    }

    [Theory]
    [InlineData("1 + 2", CelType.Int)]
    [InlineData("d * 2.0", CelType.Double)]
    [InlineData("s", CelType.String)]
    [InlineData("null", CelType.Null)]
    [InlineData("i > 2", CelType.Bool)]
    [InlineData("doc.number", CelType.Dyn)]
    [InlineData("!doc.yes", CelType.Bool)]
    public void Knows_the_result_type_when_parsed(string text, CelType expected)
    {
        Assert.Equal(expected, CelExpression.Parse(text, s_dialect).Type);
    }

    [Fact]
    public void Evaluates_arithmetic_to_values()
    {
        Assert.Equal(new CelInt(-3), Evaluate("i / -2"));
        Assert.Equal(new CelDouble(1.25), Evaluate("d / 2.0"));
        Assert.Equal(new CelDouble(double.PositiveInfinity), Evaluate("1.0 / 0.0"));
        Assert.Equal(new CelString("it's"), Evaluate("'it\\'s'"));
    }

    [Theory]
    [InlineData("i / 0")]
    [InlineData("i % 0")]
    [InlineData("9223372036854775807 + 1")]
    [InlineData("-9223372036854775807 - 2")]
    [InlineData("(-9223372036854775807 - 1) / -1")]
    [InlineData("-(-9223372036854775807 - 1)")]
    [InlineData("4611686018427387904 * 2")]
    [InlineData("broken + 1")]
    [InlineData("broken == 1")]
    [InlineData("!(broken > 1)")]
    [InlineData("broken > 1 && true")]
    [InlineData("false || broken > 1")]
    [InlineData("doc.number < doc.text")]
    [InlineData("doc.yes < doc.yes")]
    [InlineData("!doc.text")]
    [InlineData("doc.text && true")]
    [InlineData("doc.missing")]
    public void An_evaluation_error_is_null(string text)
    {
        Assert.Null(Evaluate(text));
    }

    [Theory]
    [InlineData("broken > 1 && false", false)]
    [InlineData("false && broken > 1", false)]
    [InlineData("broken > 1 || true", true)]
    [InlineData("true || broken > 1", true)]
    [InlineData("i / 0 > 1 || i > 6", true)]
    [InlineData("doc.text || true", true)]
    public void A_deciding_side_outweighs_an_error_on_the_other(string text, bool expected)
    {
        Assert.Equal(CelValue.Of(expected), Evaluate(text));
    }

    [Theory]
    [InlineData("doc.number == 3", true)]
    [InlineData("doc.number == 3.0", true)]
    [InlineData("doc.number > 2 && doc.number <= 3.0", true)]
    [InlineData("doc.text == 'x' && doc.text < 'y'", true)]
    [InlineData("doc.number == 'x'", false)]
    [InlineData("doc.text == null", false)]
    [InlineData("doc.number != doc.text", true)]
    public void Dynamic_values_compare_by_what_they_hold(string text, bool expected)
    {
        Assert.Equal(CelValue.Of(expected), Evaluate(text));
    }

    [Fact]
    public void Passes_the_whole_path_to_the_resolver()
    {
        var read = new List<string>();
        var expression = CelExpression.Parse("doc.a.b == 1 || doc", s_dialect);

        expression.Evaluate(path =>
        {
            read.Add(string.Join('.', path));
            return CelValue.True;
        });

        Assert.Equal(["doc.a.b", "doc"], read);
    }

    [Theory]
    [InlineData("", "the expression ends too early at column 1.")]
    [InlineData("i >", "the expression ends too early at column 4.")]
    [InlineData("(i > 1", "missing ')' at column 7.")]
    [InlineData("i > 1)", "unexpected ')' at column 6.")]
    [InlineData("i > 1 > 0", "comparisons do not chain; join them with && or || at column 7.")]
    [InlineData("nope > 1", "unknown name 'nope' (known: i, d, s, flag, broken, doc) at column 1.")]
    [InlineData("i.x > 1", "unknown name 'i.x' (known: i, d, s, flag, broken, doc) at column 1.")]
    [InlineData("size(s) > 1", "function calls are not supported at column 5.")]
    [InlineData("s.startsWith('a')", "function calls are not supported at column 13.")]
    [InlineData("i == true", "'==' compares a number with a boolean at column 3.")]
    [InlineData("flag < true", "'<' needs numbers or strings on both sides at column 6.")]
    [InlineData("i && flag", "'&&' needs conditions on both sides at column 3.")]
    [InlineData("!i", "'!' needs a boolean at column 1.")]
    [InlineData("-flag", "'-' needs a number at column 1.")]
    [InlineData("i + d", "'+' mixes an integer and a double; CEL does not convert them (write 2.0 for a double) at column 3.")]
    [InlineData("d % 2.0", "'%' needs integers at column 3.")]
    [InlineData("'a' + 'b'", "'+' needs numbers on both sides at column 5.")]
    [InlineData("5u", "'5u' is not a supported number (integers, hexadecimal integers and doubles; no unsigned or suffixed literals) at column 1.")]
    [InlineData("99999999999999999999", "'99999999999999999999' is out of range for a 64-bit integer at column 1.")]
    [InlineData("'abc", "unterminated string at column 1.")]
    [InlineData("'\\x41'", "only single-character escapes (\\n \\t \\\" \\' \\\\ ...) are supported in strings at column 2.")]
    [InlineData("i = 1", "unexpected '=' at column 3.")]
    public void Refuses_with_a_message_and_a_column(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => CelExpression.Parse(text, s_dialect));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Refuses_an_expression_too_long_to_evaluate_safely()
    {
        var nested = new string('(', 5000) + "true" + new string(')', 5000);
        var chain = string.Join(" + ", Enumerable.Repeat("1", 600)) + " > 0";

        Assert.Contains("the expression is too long", Assert.Throws<FormatException>(() => CelExpression.Parse(nested, s_dialect)).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => CelExpression.Parse(chain, s_dialect));
        Assert.Equal(CelValue.True, Evaluate(new string('(', 400) + "true" + new string(')', 400)));
    }

    [Fact]
    public void A_dialect_of_integers_refuses_double_literals()
    {
        var integers = s_dialect with { AllowsDoubles = false };

        var error = Assert.Throws<FormatException>(() => CelExpression.Parse("i > 2.5", integers));

        Assert.Equal("only plain integer literals are supported here, not '2.5' at column 5.", error.Message);
        Assert.Equal(CelType.Bool, CelExpression.Parse("i > 2", integers).Type);
    }

    [Theory]
    [InlineData("doc.number * 2.0 > 1")]
    [InlineData("-doc.number < 0")]
    [InlineData("doc.text + 'a' == 'xa'")]
    [InlineData("flag ? 1 : 2")]
    [InlineData("doc.list[0] == 1")]
    [InlineData("s in ['abc']")]
    [InlineData("{'a': 1} == doc")]
    [InlineData("(doc).number == 1")]
    [InlineData("doc.0 == 1")]
    [InlineData("r'raw' == s")]
    [InlineData("b'bytes' == s")]
    [InlineData("'''abc''' == s")]
    [InlineData("1. == 1")]
    [InlineData("1e == 1")]
    [InlineData("0x == 0")]
    [InlineData("0xFFFFFFFFFFFFFFFF > 0")]
    [InlineData("1e999 > 0")]
    [InlineData("i > 1 // comment")]
    [InlineData("i > 1 & flag")]
    [InlineData("i > 1 | flag")]
    [InlineData("'a\\u0041' == s")]
    [InlineData("i < null")]
    [InlineData("1 == 'a'")]
    public void Refuses_what_is_outside_the_subset(string text)
    {
        Assert.Throws<FormatException>(() => CelExpression.Parse(text, s_dialect));
    }

    private static CelValue? Evaluate(string text) =>
        CelExpression.Parse(text, s_dialect).Evaluate(path => s_values[string.Join('.', path)]);
}
