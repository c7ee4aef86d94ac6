using System.Globalization;
using System.Text.RegularExpressions;

namespace Ecommerce.DaprLocal.Resources;

/// <summary>
/// Durations in Dapr resources: Go's format (<c>300ms</c>, <c>1.5h</c>, <c>2h45m</c>, <c>-1s</c>),
/// a bare number of seconds, or an ISO 8601 duration (<c>PT5S</c>) as some Dapr fields accept.
/// </summary>
public static partial class GoDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                duration = System.Xml.XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        var negative = text.StartsWith('-');
        var body = negative || text.StartsWith('+') ? text[1..] : text;
        var matches = Part().Matches(body);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != body)
        {
            return false;
        }
        double ticks = 0;
        foreach (Match match in matches)
        {
            var amount = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            ticks += amount * match.Groups["u"].Value switch
            {
                "ns" => TimeSpan.TicksPerMicrosecond / 1000.0,
                "us" or "µs" => TimeSpan.TicksPerMicrosecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                _ => TimeSpan.TicksPerHour,
            };
        }
        duration = TimeSpan.FromTicks((long)Math.Round(negative ? -ticks : ticks));
        return true;
    }

    [GeneratedRegex(@"(?<n>[0-9]+(\.[0-9]*)?|\.[0-9]+)(?<u>ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();
}
