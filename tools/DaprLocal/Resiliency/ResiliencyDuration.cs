using System.Globalization;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// Durations in a Resiliency resource as daprd reads them: a bare integer is milliseconds,
/// anything else must be Go's <c>time.ParseDuration</c> format (<c>500ms</c>, <c>1m30s</c>).
/// Unlike component metadata, bare seconds and ISO 8601 are not accepted, so a file that
/// works here also works under daprd.
/// </summary>
internal static class ResiliencyDuration
{
    public static TimeSpan Parse(YamlScalar node, string what)
    {
        var text = node.Value.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return CheckNotNegative(TimeSpan.FromMilliseconds(milliseconds), node, what);
        }
        var goFormat = text.Length > 0 && !text.StartsWith('P') && !text.StartsWith("-P", StringComparison.Ordinal)
            && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (!goFormat || !GoDuration.TryParse(text, out var duration))
        {
            throw new ResourceException(node.Location,
                $"{what} '{node.Value}' is not a duration: use Go's format such as 500ms, 5s or 1m30s (a bare integer means milliseconds).");
        }
        return CheckNotNegative(duration, node, what);
    }

    private static TimeSpan CheckNotNegative(TimeSpan duration, YamlScalar node, string what) =>
        duration >= TimeSpan.Zero ? duration
            : throw new ResourceException(node.Location, $"{what} '{node.Value}' is negative.");
}
