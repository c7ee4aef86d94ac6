using Ecommerce.DaprLocal.Bindings;

namespace Ecommerce.DaprLocal.Tests.Bindings;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset FridayMorning = new(2024, 3, 1, 10, 0, 50, TimeSpan.Zero);

    [Fact]
    public void Six_fields_read_seconds_first()
    {
        var schedule = CronSchedule.Parse("15,45 */10 * * * *", TimeZoneInfo.Utc);

        Assert.Equal(
            [At(10, 10, 15), At(10, 10, 45), At(10, 20, 15), At(10, 20, 45)],
            Occurrences(schedule, FridayMorning, 4));
    }

    [Fact]
    public void Five_fields_fire_at_second_zero()
    {
        var schedule = CronSchedule.Parse("30 9 * * MON-FRI", TimeZoneInfo.Utc);

        Assert.Equal(
            [new DateTimeOffset(2024, 3, 4, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.Zero)],
            Occurrences(schedule, FridayMorning, 2));
    }

    [Theory]
    [InlineData("@hourly", "2024-03-01T11:00:00Z")]
    [InlineData("@daily", "2024-03-02T00:00:00Z")]
    [InlineData("@midnight", "2024-03-02T00:00:00Z")]
    [InlineData("@weekly", "2024-03-03T00:00:00Z")]
    [InlineData("@monthly", "2024-04-01T00:00:00Z")]
    [InlineData("@yearly", "2025-01-01T00:00:00Z")]
    [InlineData("@annually", "2025-01-01T00:00:00Z")]
    [InlineData("@every 1m30s", "2024-03-01T10:02:20Z")]
    [InlineData("@every 250ms", "2024-03-01T10:00:50.25Z")]
    public void Descriptors_mean_what_they_mean_in_daprd(string spec, string next) =>
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture),
            CronSchedule.Parse(spec, TimeZoneInfo.Utc).Next(FridayMorning));

    [Theory]
    [InlineData("CRON_TZ=America/New_York 0 0 9 * * *")]
    [InlineData("TZ=America/New_York 0 9 * * *")]
    public void A_zone_prefix_sets_the_zone_of_the_fields(string spec)
    {
        var schedule = CronSchedule.Parse(spec, TimeZoneInfo.Utc);

        // 09:00 in New York in March before DST starts is 14:00 UTC.
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 14, 0, 0, TimeSpan.Zero), schedule.Next(FridayMorning));
    }

    [Fact]
    public void Without_a_zone_the_local_zone_is_used()
    {
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("Test/Tokyo", TimeSpan.FromHours(9), "Tokyo", "Tokyo");

        var schedule = CronSchedule.Parse("0 0 9 * * *", tokyo);

        Assert.Equal(new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), schedule.Next(FridayMorning));
    }

    [Fact]
    public void Day_of_month_and_day_of_week_both_set_match_either_as_in_classic_cron()
    {
        var schedule = CronSchedule.Parse("0 0 0 13 * FRI", TimeZoneInfo.Utc);

        Assert.Equal(
            [Day(5), Day(12), Day(13), Day(19)],
            Occurrences(schedule, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), 4));

        static DateTimeOffset Day(int day) => new(2024, 1, day, 0, 0, 0, TimeSpan.Zero);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cron")]
    [InlineData("* * * *")]
    [InlineData("* * * * * * *")]
    [InlineData("61 * * * * *")]
    [InlineData("0 0 L * *")]
    [InlineData("0 0 * * 5#2")]
    [InlineData("0 0 * * 7")]
    [InlineData("*/0 * * * *")]
    [InlineData("5-1 * * * *")]
    [InlineData("@every 15")]
    [InlineData("@every -1s")]
    [InlineData("@every PT5S")]
    [InlineData("@fortnightly")]
    [InlineData("CRON_TZ=Mars/Olympus_Mons 0 0 * * *")]
    [InlineData("TZ=UTC")]
    public void Schedules_daprd_refuses_are_refused(string spec) =>
        Assert.Throws<FormatException>(() => CronSchedule.Parse(spec, TimeZoneInfo.Utc));

    private static DateTimeOffset At(int hour, int minute, int second) => new(2024, 3, 1, hour, minute, second, TimeSpan.Zero);

    private static List<DateTimeOffset> Occurrences(CronSchedule schedule, DateTimeOffset from, int count)
    {
        var occurrences = new List<DateTimeOffset>();
        for (var time = from; occurrences.Count < count;)
        {
            time = schedule.Next(time) ?? throw new InvalidOperationException("The schedule ended.");
            occurrences.Add(time);
        }
        return occurrences;
    }
}
