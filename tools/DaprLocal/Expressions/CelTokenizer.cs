using System.Globalization;
using System.Text;

namespace Ecommerce.DaprLocal.Expressions;

internal enum CelTokenKind
{
    Literal,
    Identifier,
    Symbol,
    End,
}

/// <summary>A token: its kind, its source text and where it starts; a literal also carries its value.</summary>
internal readonly record struct CelToken(CelTokenKind Kind, string Text, int Position, CelValue? Value = null);

/// <summary>
/// Splits an expression into tokens as CEL's lexer does, for the subset DaprLocal evaluates: decimal and
/// hexadecimal integers, doubles, quoted strings with single-character escapes, <c>true false null</c>,
/// names and operators. Anything else (unsigned or byte literals, raw strings, other escapes, <c>? : [ ] { } ,</c>)
/// is refused here rather than read as something it is not.
/// </summary>
internal static class CelTokenizer
{
    // Longest first, so that "<=" is one token rather than "<" then "=".
    private static readonly string[] s_symbols = ["||", "&&", "==", "!=", "<=", ">=", "<", ">", "!", "+", "-", "*", "/", "%", "(", ")", "."];

    private static readonly Dictionary<char, char> s_escapes = new()
    {
        ['a'] = '\a',
        ['b'] = '\b',
        ['f'] = '\f',
        ['n'] = '\n',
        ['r'] = '\r',
        ['t'] = '\t',
        ['v'] = '\v',
        ['\\'] = '\\',
        ['\''] = '\'',
        ['"'] = '"',
        ['`'] = '`',
        ['?'] = '?',
    };

    /// <summary>The tokens of <paramref name="text"/>, ending with one <see cref="CelTokenKind.End"/>.</summary>
    public static List<CelToken> Tokenize(string text)
    {
        var tokens = new List<CelToken>();
        var position = 0;
        while (true)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            if (position == text.Length)
            {
                tokens.Add(new CelToken(CelTokenKind.End, "", position));
                return tokens;
            }
            var c = text[position];
            var token = char.IsAsciiDigit(c) ? ReadNumber(text, position)
                : c is '"' or '\'' ? ReadString(text, position)
                : char.IsAsciiLetter(c) || c == '_' ? ReadWord(text, position)
                : ReadSymbol(text, position);
            tokens.Add(token);
            position += token.Text.Length;
        }
    }

    /// <summary>A syntax or type error, placed at a column of the expression.</summary>
    public static FormatException Error(int position, string message) => new($"{message} at column {position + 1}.");

    private static CelToken ReadWord(string text, int start)
    {
        var end = SkipWhile(text, start, c => char.IsAsciiLetterOrDigit(c) || c == '_');
        var word = text[start..end];
        return word switch
        {
            "true" => new CelToken(CelTokenKind.Literal, word, start, CelValue.True),
            "false" => new CelToken(CelTokenKind.Literal, word, start, CelValue.False),
            "null" => new CelToken(CelTokenKind.Literal, word, start, CelValue.Null),
            _ => new CelToken(CelTokenKind.Identifier, word, start),
        };
    }

    private static CelToken ReadNumber(string text, int start)
    {
        var hex = text.AsSpan(start).StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var end = SkipWhile(text, start + (hex ? 2 : 0), hex ? char.IsAsciiHexDigit : char.IsAsciiDigit);
        var real = false;
        if (!hex && end + 1 < text.Length && text[end] == '.' && char.IsAsciiDigit(text[end + 1]))
        {
            end = SkipWhile(text, end + 1, char.IsAsciiDigit);
            real = true;
        }
        if (!hex && end < text.Length && text[end] is 'e' or 'E')
        {
            var exponent = end + 1 < text.Length && text[end + 1] is '+' or '-' ? end + 2 : end + 1;
            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                end = SkipWhile(text, exponent, char.IsAsciiDigit);
                real = true;
            }
        }
        // Whatever is glued to the number ("5u", "1e", "1.x", "0x") makes it a literal outside the subset.
        var glued = SkipWhile(text, end, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.');
        var literal = text[start..glued];
        if (glued != end || (hex && end == start + 2))
        {
            throw Error(start, $"'{literal}' is not a supported number (integers, hexadecimal integers and doubles; no unsigned or suffixed literals)");
        }

        CelValue? value = null;
        if (real)
        {
            var parsed = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
            value = double.IsFinite(parsed) ? new CelDouble(parsed) : null;
        }
        else if (hex
            ? long.TryParse(literal.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var integer) && integer >= 0
            : long.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out integer))
        {
            value = new CelInt(integer);
        }
        return value is null
            ? throw Error(start, $"'{literal}' is out of range for {(real ? "a double" : "a 64-bit integer")}")
            : new CelToken(CelTokenKind.Literal, literal, start, value);
    }

    private static CelToken ReadString(string text, int start)
    {
        var quote = text[start];
        var value = new StringBuilder();
        var position = start + 1;
        while (true)
        {
            if (position >= text.Length || text[position] is '\n' or '\r')
            {
                throw Error(start, "unterminated string");
            }
            var c = text[position++];
            if (c == quote)
            {
                return new CelToken(CelTokenKind.Literal, text[start..position], start, new CelString(value.ToString()));
            }
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            if (position >= text.Length || !s_escapes.TryGetValue(text[position], out var escaped))
            {
                throw Error(position - 1, "only single-character escapes (\\n \\t \\\" \\' \\\\ ...) are supported in strings");
            }
            value.Append(escaped);
            position++;
        }
    }

    private static CelToken ReadSymbol(string text, int start)
    {
        var symbol = Array.Find(s_symbols, s => text.AsSpan(start).StartsWith(s, StringComparison.Ordinal))
            ?? throw Error(start, $"unexpected '{text[start]}'");
        return new CelToken(CelTokenKind.Symbol, symbol, start);
    }

    private static int SkipWhile(string text, int position, Func<char, bool> accept)
    {
        while (position < text.Length && accept(text[position]))
        {
            position++;
        }
        return position;
    }
}
