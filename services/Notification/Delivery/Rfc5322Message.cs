using System.Globalization;
using System.Text;

namespace Ecommerce.Notification.Delivery;

/// <summary>
/// An email as a whole RFC 5322 / MIME message (what an <c>.eml</c> file holds and any mail client opens):
/// From, To, Subject (RFC 2047 encoded when not ASCII), Date, Message-ID, MIME-Version and a UTF-8 text/plain
/// body, 8bit when every line is short enough, base64 otherwise. Header values are single lines by construction.
/// </summary>
public static class Rfc5322Message
{
    private const int MaxLineBytes = 998;

    public static byte[] Compose(EmailMessage message, string from)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.Body.ReplaceLineEndings("\r\n");
        if (!body.EndsWith("\r\n", StringComparison.Ordinal))
        {
            body += "\r\n";
        }
        var eightBit = body.Split("\r\n").All(line => Encoding.UTF8.GetByteCount(line) <= MaxLineBytes);
        var text = new StringBuilder()
            .Append("From: ").Append(from).Append("\r\n")
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: ").Append(EncodeHeader(message.Subject)).Append("\r\n")
            .Append("Date: ").Append(message.Date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: <").Append(message.Id).Append('@').Append(DomainOf(from)).Append(">\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: ").Append(eightBit ? "8bit" : "base64").Append("\r\n")
            .Append("\r\n")
            .Append(eightBit ? body : Base64Lines(body));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The body for an SMTP binding, which sends its data as HTML: the text escaped, line breaks kept.</summary>
    public static string HtmlBody(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return $"<div style=\"white-space: pre-wrap\">{System.Net.WebUtility.HtmlEncode(body)}</div>";
    }

    private static string EncodeHeader(string value) =>
        value.All(char.IsAscii) ? value : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";

    private static string DomainOf(string from)
    {
        var address = from.Trim().TrimEnd('>');
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "localhost";
    }

    private static string Base64Lines(string body)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        var lines = new StringBuilder();
        for (var i = 0; i < encoded.Length; i += 76)
        {
            lines.Append(encoded, i, Math.Min(76, encoded.Length - i)).Append("\r\n");
        }
        return lines.ToString();
    }
}
