using System.Globalization;
using Cronos;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Bindings;

/// <summary>
/// A <c>bindings.cron</c> schedule, read the way daprd's cron parser (a fork of robfig/cron) reads it:
/// an optional <c>CRON_TZ=</c>/<c>TZ=</c> zone, then <c>@every &lt;Go duration&gt;</c>, a descriptor
/// (<c>@yearly</c>, <c>@annually</c>, <c>@monthly</c>, <c>@weekly</c>, <c>@daily</c>, <c>@midnight</c>,
/// <c>@hourly</c>) or 5 or 6 fields (seconds first when 6). Expressions are evaluated in the process's
/// local zone unless a zone is given. Field syntax is checked against robfig's rules (so Cronos-only
/// syntax such as <c>L</c>, <c>W</c>, <c>#</c> is refused, as daprd refuses it) and then handed to
/// Cronos as plain value lists; day-of-month and day-of-week both restricted match either, as in robfig.
/// </summary>
public sealed class CronSchedule
{
    private const ulong StarBit = 1UL << 63;

    private static readonly Dictionary<string, int> MonthNames = new(StringComparer.Ordinal)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> DayNames = new(StringComparer.Ordinal)
    {
        ["sun"] = 0, ["mon"] = 1, ["tue"] = 2, ["wed"] = 3, ["thu"] = 4, ["fri"] = 5, ["sat"] = 6,
    };

    private static readonly Field[] Fields =
    [
        new("second", 0, 59, null),
        new("minute", 0, 59, null),
        new("hour", 0, 23, null),
        new("day of month", 1, 31, null),
        new("month", 1, 12, MonthNames),
        new("day of week", 0, 6, DayNames),
    ];

    private readonly TimeSpan? _every;
    private readonly CronExpression[] _expressions;

    private CronSchedule(string text, TimeZoneInfo zone, TimeSpan? every, CronExpression[] expressions)
    {
        Text = text;
        Zone = zone;
        _every = every;
        _expressions = expressions;
    }

    /// <summary>The schedule as written in the component.</summary>
    public string Text { get; }

    /// <summary>The zone the fields are read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Reads <paramref name="spec"/>; <paramref name="localZone"/> is the zone used when none is given.</summary>
    /// <exception cref="FormatException">The schedule is not one daprd accepts.</exception>
    public static CronSchedule Parse(string spec, TimeZoneInfo localZone)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(localZone);
        if (spec.Length == 0)
        {
            throw new FormatException("the schedule is empty.");
        }

        var zone = localZone;
        var rest = spec;
        if (rest.StartsWith("TZ=", StringComparison.Ordinal) || rest.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                throw new FormatException($"'{spec}' names a time zone but no schedule after it.");
            }
            var equals = rest.IndexOf('=', StringComparison.Ordinal);
            zone = FindZone(rest[(equals + 1)..space], localZone);
            rest = rest[space..].Trim();
        }

        if (rest.StartsWith('@'))
        {
            return ParseDescriptor(spec, rest, zone);
        }

        var fields = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            throw new FormatException($"expected 5 or 6 fields (seconds first when 6), found {fields.Length}: '{rest}'.");
        }
        if (fields.Length == 5)
        {
            fields = ["0", .. fields];
        }
        var bits = new ulong[Fields.Length];
        for (var i = 0; i < Fields.Length; i++)
        {
            bits[i] = Fields[i].Parse(fields[i]);
        }
        return FromBits(spec, zone, bits);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        if (_every is { } every)
        {
            return after + every;
        }
        DateTimeOffset? earliest = null;
        foreach (var expression in _expressions)
        {
            if (expression.GetNextOccurrence(after, Zone) is { } next && (earliest is null || next < earliest))
            {
                earliest = next;
            }
        }
        return earliest;
    }

    public override string ToString() => Text;

    private static CronSchedule ParseDescriptor(string spec, string descriptor, TimeZoneInfo zone)
    {
        // Descriptors as robfig defines them, written as six-field expressions.
        var fields = descriptor switch
        {
            "@yearly" or "@annually" => "0 0 0 1 1 *",
            "@monthly" => "0 0 0 1 * *",
            "@weekly" => "0 0 0 * * 0",
            "@daily" or "@midnight" => "0 0 0 * * *",
            "@hourly" => "0 0 * * * *",
            _ => null,
        };
        if (fields is not null)
        {
            return new CronSchedule(spec, zone, null, [CronExpression.Parse(fields, CronFormat.IncludeSeconds)]);
        }

        const string Every = "@every ";
        if (!descriptor.StartsWith(Every, StringComparison.Ordinal))
        {
            throw new FormatException($"unrecognized descriptor '{descriptor}'.");
        }
        var text = descriptor[Every.Length..];
        // GoDuration also reads bare seconds and ISO 8601; Go's time.ParseDuration, which daprd uses here, does not.
        if (text.Length == 0 || text[^1] is not ('s' or 'm' or 'h') || !GoDuration.TryParse(text, out var interval))
        {
            throw new FormatException($"'{text}' is not a Go duration such as 15s, 1m30s or 2h.");
        }
        if (interval <= TimeSpan.Zero)
        {
            throw new FormatException($"@every needs a positive duration, not '{text}'.");
        }
        return new CronSchedule(spec, zone, interval, []);
    }

    private static CronSchedule FromBits(string spec, TimeZoneInfo zone, ulong[] bits)
    {
        var rendered = bits.Select(Render).ToArray();
        const int DayOfMonth = 3;
        const int DayOfWeek = 5;
        string[][] variants;
        if ((bits[DayOfMonth] & StarBit) == 0 && (bits[DayOfWeek] & StarBit) == 0)
        {
            // Both days restricted: robfig fires on either (classic cron); Cronos would need both.
            var byMonthDay = (string[])rendered.Clone();
            byMonthDay[DayOfWeek] = "*";
            var byWeekDay = (string[])rendered.Clone();
            byWeekDay[DayOfMonth] = "*";
            variants = [byMonthDay, byWeekDay];
        }
        else
        {
            variants = [rendered];
        }
        try
        {
            return new CronSchedule(spec, zone, null,
                [.. variants.Select(fields => CronExpression.Parse(string.Join(' ', fields), CronFormat.IncludeSeconds))]);
        }
        catch (CronFormatException error)
        {
            throw new FormatException($"'{spec}' is not a valid schedule: {error.Message}", error);
        }
    }

    private static string Render(ulong bits)
    {
        if ((bits & StarBit) != 0)
        {
            return "*";
        }
        var values = Enumerable.Range(0, 63).Where(value => (bits & (1UL << value)) != 0);
        return string.Join(',', values.Select(value => value.ToString(CultureInfo.InvariantCulture)));
    }

    private static TimeZoneInfo FindZone(string name, TimeZoneInfo localZone)
    {
        // Go's time.LoadLocation: "" and "UTC" are UTC, "Local" is the process zone, anything else is an IANA name.
        switch (name)
        {
            case "" or "UTC":
                return TimeZoneInfo.Utc;
            case "Local":
                return localZone;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"provided bad location '{name}': {error.Message}", error);
        }
    }

    /// <summary>One field of a cron expression, with its range and, for month and weekday, its names.</summary>
    private sealed record Field(string Name, int Min, int Max, Dictionary<string, int>? Names)
    {
        /// <summary>The field's values as bits (bit n = value n), plus <see cref="StarBit"/> for <c>*</c> / <c>?</c> without a step.</summary>
        public ulong Parse(string text)
        {
            var bits = 0UL;
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                bits |= ParseRange(part);
            }
            if (bits == 0)
            {
                throw new FormatException($"{Name} field '{text}' has no value.");
            }
            return bits;
        }

        private ulong ParseRange(string text)
        {
            var rangeAndStep = text.Split('/');
            var lowAndHigh = rangeAndStep[0].Split('-');
            int start, end;
            var extra = 0UL;
            if (lowAndHigh[0] is "*" or "?")
            {
                (start, end, extra) = (Min, Max, StarBit);
            }
            else
            {
                start = Value(lowAndHigh[0], text);
                end = lowAndHigh.Length switch
                {
                    1 => start,
                    2 => Value(lowAndHigh[1], text),
                    _ => throw new FormatException($"{Name} field '{text}' has too many hyphens."),
                };
            }

            var step = 1;
            switch (rangeAndStep.Length)
            {
                case 1:
                    break;
                case 2:
                    step = Number(rangeAndStep[1], text);
                    if (lowAndHigh.Length == 1)
                    {
                        // "N/step" means N through the maximum.
                        end = Max;
                    }
                    if (step > 1)
                    {
                        extra = 0;
                    }
                    break;
                default:
                    throw new FormatException($"{Name} field '{text}' has too many slashes.");
            }

            if (start < Min || end > Max || start > end)
            {
                throw new FormatException($"{Name} field '{text}' is outside {Min}-{Max}.");
            }
            if (step == 0)
            {
                throw new FormatException($"{Name} field '{text}' has a step of 0.");
            }
            var bits = 0UL;
            // long: a step as large as int.MaxValue must end the loop, not wrap around.
            for (long value = start; value <= end; value += step)
            {
                bits |= 1UL << (int)value;
            }
            return bits | extra;
        }

        private int Value(string text, string field) =>
            Names is not null && Names.TryGetValue(text.ToLowerInvariant(), out var named) ? named : Number(text, field);

        private int Number(string text, string field) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= 0
                ? number
                : throw new FormatException($"{Name} field '{field}': '{text}' is not a number{(Names is null ? "" : " or a name")}.");
    }
}
