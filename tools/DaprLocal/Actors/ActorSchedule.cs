using System.Globalization;
using System.Text.RegularExpressions;
using Ecommerce.DaprLocal.Api;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Actors;

/// <summary>
/// When a timer (or reminder) fires, from daprd's accepted forms: <c>dueTime</c> as a Go or
/// ISO 8601 duration or an RFC 3339 time; <c>period</c> as a Go or ISO 8601 duration, or
/// <c>R&lt;n&gt;/&lt;duration&gt;</c> for n firings; <c>ttl</c> as a duration or a time.
/// </summary>
public sealed partial record ActorSchedule(DateTimeOffset FirstDue, TimeSpan? Period, int? Repetitions, DateTimeOffset? Expires)
{
    public static ActorSchedule Parse(string? dueTime, string? period, string? ttl, DateTimeOffset now)
    {
        var first = string.IsNullOrEmpty(dueTime) ? now : Moment(dueTime, now, "dueTime");
        TimeSpan? every = null;
        int? repetitions = null;
        if (!string.IsNullOrEmpty(period))
        {
            var repeated = Repeated().Match(period);
            var interval = repeated.Success ? repeated.Groups["every"].Value : period;
            if (repeated.Success)
            {
                repetitions = int.Parse(repeated.Groups["n"].Value, CultureInfo.InvariantCulture);
            }
            every = GoDuration.TryParse(interval, out var parsed) && parsed > TimeSpan.Zero
                ? parsed
                : throw DaprErrors.Malformed($"period '{period}' is not a positive duration or R<n>/<duration>");
        }
        DateTimeOffset? expires = string.IsNullOrEmpty(ttl) ? null : Moment(ttl, now, "ttl");
        return new ActorSchedule(first, every, repetitions, expires);
    }

    private static DateTimeOffset Moment(string text, DateTimeOffset now, string field)
    {
        if (GoDuration.TryParse(text, out var duration) && duration >= TimeSpan.Zero)
        {
            return now + duration;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw DaprErrors.Malformed($"{field} '{text}' is neither a duration nor an RFC 3339 time");
    }

    [GeneratedRegex("^R(?<n>[0-9]+)/(?<every>.+)$")]
    private static partial Regex Repeated();
}
