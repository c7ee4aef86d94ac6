using System.Text;
using Ecommerce.DaprLocal.Bindings;

namespace Ecommerce.DaprLocal.Tests.Bindings;

public sealed class GoStringLiteralTests
{
    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"line\\nbreak \\t tab \\\" quote \\\\ slash\"", "line\nbreak \t tab \" quote \\ slash")]
    [InlineData("\"\\u00e9t\\u00E9 \\U0001F600 \\x41\\101\"", "été 😀 AA")]
    [InlineData("\"caf\u00e9\"", "café")]
    [InlineData("`raw \\n`", "raw \\n")]
    [InlineData("'x'", "x")]
    [InlineData("\"\"", "")]
    public void Unquotes_what_go_unquotes(string literal, string expected)
    {
        Assert.True(GoStringLiteral.TryUnquote(Encoding.UTF8.GetBytes(literal), out var value));
        Assert.Equal(expected, Encoding.UTF8.GetString(value));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("\"unterminated")]
    [InlineData("\"inner \" quote\"")]
    [InlineData("\"json \\/ escape\"")]
    [InlineData("\"\\ud83d\\ude00\"")]
    [InlineData("'xy'")]
    [InlineData("{\"a\":1}")]
    [InlineData("\"new\nline\"")]
    public void Leaves_everything_else(string literal) =>
        Assert.False(GoStringLiteral.TryUnquote(Encoding.UTF8.GetBytes(literal), out _));
}
