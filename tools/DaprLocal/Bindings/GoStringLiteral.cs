using System.Globalization;
using System.Text;

namespace Ecommerce.DaprLocal.Bindings;

/// <summary>
/// Go's <c>strconv.Unquote</c> over bytes. daprd's HTTP API hands a binding the JSON of the
/// request's <c>data</c>, so a JSON string arrives with its quotes; the localstorage and smtp
/// bindings unquote it when (and only when) it is a valid Go string literal, and keep the bytes
/// as they are otherwise (data sent over gRPC, a JSON object).
/// </summary>
internal static class GoStringLiteral
{
    public static bool TryUnquote(ReadOnlySpan<byte> literal, out byte[] value)
    {
        value = [];
        if (literal.Length < 2 || literal[0] != literal[^1])
        {
            return false;
        }
        var quote = literal[0];
        var body = literal[1..^1];
        switch (quote)
        {
            case (byte)'`':
                if (body.Contains((byte)'`'))
                {
                    return false;
                }
                // Go drops carriage returns from raw string literals.
                value = body.ToArray().Where(b => b != (byte)'\r').ToArray();
                return true;
            case (byte)'"':
            case (byte)'\'':
                break;
            default:
                return false;
        }
        if (body.Contains((byte)'\n'))
        {
            return false;
        }

        var output = new List<byte>(body.Length);
        var characters = 0;
        while (body.Length > 0)
        {
            if (!TryUnquoteChar(ref body, quote, output))
            {
                return false;
            }
            characters++;
        }
        if (quote == (byte)'\'' && characters != 1)
        {
            return false;
        }
        value = [.. output];
        return true;
    }

    private static bool TryUnquoteChar(ref ReadOnlySpan<byte> text, byte quote, List<byte> output)
    {
        var first = text[0];
        if (first == quote)
        {
            return false;
        }
        if (first >= 0x80)
        {
            // A multi-byte character is copied; an invalid sequence becomes U+FFFD, as in Go.
            Rune.DecodeFromUtf8(text, out var rune, out var consumed);
            AppendRune(rune, output);
            text = text[consumed..];
            return true;
        }
        if (first != (byte)'\\')
        {
            output.Add(first);
            text = text[1..];
            return true;
        }
        if (text.Length < 2)
        {
            return false;
        }

        var escape = text[1];
        text = text[2..];
        switch (escape)
        {
            case (byte)'a': output.Add(7); return true;
            case (byte)'b': output.Add(8); return true;
            case (byte)'f': output.Add(12); return true;
            case (byte)'n': output.Add(10); return true;
            case (byte)'r': output.Add(13); return true;
            case (byte)'t': output.Add(9); return true;
            case (byte)'v': output.Add(11); return true;
            case (byte)'\\': output.Add((byte)'\\'); return true;
            case (byte)'\'' or (byte)'"':
                if (escape != quote)
                {
                    return false;
                }
                output.Add(escape);
                return true;
            case (byte)'x':
                if (!TryHex(ref text, 2, out var hexByte))
                {
                    return false;
                }
                output.Add((byte)hexByte);
                return true;
            case (byte)'u' or (byte)'U':
                if (!TryHex(ref text, escape == (byte)'u' ? 4 : 8, out var code) || !Rune.IsValid(code))
                {
                    return false;
                }
                AppendRune(new Rune(code), output);
                return true;
            case >= (byte)'0' and <= (byte)'7':
                if (text.Length < 2 || !IsOctal(text[0]) || !IsOctal(text[1]))
                {
                    return false;
                }
                var octal = ((escape - '0') * 64) + ((text[0] - '0') * 8) + (text[1] - '0');
                if (octal > 255)
                {
                    return false;
                }
                output.Add((byte)octal);
                text = text[2..];
                return true;
            default:
                return false;
        }
    }

    private static bool TryHex(ref ReadOnlySpan<byte> text, int digits, out int value)
    {
        value = 0;
        if (text.Length < digits
            || !int.TryParse(text[..digits], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            || value < 0)
        {
            return false;
        }
        text = text[digits..];
        return true;
    }

    private static bool IsOctal(byte b) => b is >= (byte)'0' and <= (byte)'7';

    private static void AppendRune(Rune rune, List<byte> output)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var length = rune.EncodeToUtf8(utf8);
        for (var i = 0; i < length; i++)
        {
            output.Add(utf8[i]);
        }
    }
}
