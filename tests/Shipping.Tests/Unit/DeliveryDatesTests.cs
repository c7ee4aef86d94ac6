using Ecommerce.Shipping.Model;

namespace Ecommerce.Shipping.Tests.Unit;

public sealed class DeliveryDatesTests
{
    [Theory]
    [InlineData("2026-11-02", 0, "2026-11-02")] // Monday, same day
    [InlineData("2026-11-02", 1, "2026-11-03")]
    [InlineData("2026-11-05", 1, "2026-11-06")] // Thursday to Friday
    [InlineData("2026-11-06", 1, "2026-11-09")] // Friday to Monday
    [InlineData("2026-11-07", 1, "2026-11-09")] // Saturday to Monday
    [InlineData("2026-11-08", 3, "2026-11-11")] // Sunday, three working days
    [InlineData("2026-11-02", 10, "2026-11-16")]
    public void Weekends_do_not_count(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DeliveryDates.AddBusinessDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));
}
