using System.Text;
using System.Text.RegularExpressions;

namespace Ecommerce.Notification.Templates;

/// <summary>
/// <c>{{name}}</c> placeholders: a letter then letters or digits, spaces inside the braces allowed. Any other
/// use of <c>{{</c> or <c>}}</c> is refused, so a typo shows up when the template is saved, not in a customer's inbox.
/// </summary>
public static partial class Placeholders
{
    /// <summary>The placeholder names a text uses, or an error naming the first malformed or unknown one.</summary>
    public static string? Check(string text, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(allowed);
        foreach (Match match in Placeholder().Matches(text))
        {
            var name = match.Groups["name"].Value;
            if (!allowed.Contains(name))
            {
                return $"Unknown placeholder {{{{{name}}}}}; this event type offers {string.Join(", ", allowed.Select(known => "{{" + known + "}}"))}.";
            }
        }
        var rest = Placeholder().Replace(text, "");
        return rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal)
            ? "A '{{' or '}}' that is not a placeholder: write placeholders as {{name}}."
            : null;
    }

    /// <summary>The text with every placeholder replaced by its value (empty when the event has none).</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(text, match => values.TryGetValue(match.Groups["name"].Value, out var value) ? value : "");
    }

    /// <summary>A value for a one-line header (subject, title): control characters such as CR/LF become spaces.</summary>
    public static string SingleLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            line.Append(char.IsControl(c) ? ' ' : c);
        }
        return line.ToString().Trim();
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z][A-Za-z0-9]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
