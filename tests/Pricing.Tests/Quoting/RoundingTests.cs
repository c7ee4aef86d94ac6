using Ecommerce.Pricing.Quoting;
using static Ecommerce.Pricing.Tests.Quoting.TestRules;

namespace Ecommerce.Pricing.Tests.Quoting;

/// <summary>Half away from zero to the currency's minor unit: every midpoint here would go the other way under banker's rounding.</summary>
public sealed class RoundingTests
{
    [Theory]
    [InlineData("JPY", 25, 3)]         // 10% = 2.5 JPY → 3
    [InlineData("EUR", 0.25, 0.03)]    // 10% = 0.025 EUR → 0.03
    [InlineData("KWD", 1.225, 0.123)]  // 10% = 0.1225 KWD → 0.123
    public void Ten_percent_off_rounds_half_away_from_zero_to_the_minor_unit(string currency, decimal price, decimal expectedDiscount)
    {
        var quote = new TestRules(currency).Price("A", price).Discount("d1", PercentOff(10)).Quote(Line("A", 1));

        Assert.Equal(expectedDiscount, quote.Totals.DiscountTotal);
        Assert.Equal(price - expectedDiscount, quote.Totals.Total);
    }

    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("EUR", 2)]
    [InlineData("USD", 2)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("JOD", 3)]
    [InlineData("CLF", 4)]
    public void Minor_units_follow_iso_4217(string currency, int minorUnits) =>
        Assert.Equal(minorUnits, Currencies.MinorUnits(currency));

    [Theory]
    [InlineData("XAU")]
    [InlineData("eur")]
    [InlineData("EURO")]
    public void Codes_that_are_not_iso_4217_currencies_are_unknown(string code) => Assert.False(Currencies.IsKnown(code));

    [Theory]
    [InlineData(12.34, "EUR", true)]
    [InlineData(12.345, "EUR", false)]
    [InlineData(1234, "JPY", true)]
    [InlineData(12.5, "JPY", false)]
    [InlineData(1.234, "KWD", true)]
    public void Amounts_must_be_whole_minor_units(decimal amount, string currency, bool whole) =>
        Assert.Equal(whole, Currencies.IsWholeMinorUnits(amount, currency));

    [Fact]
    public void A_cart_amount_is_shared_in_whole_minor_units_that_add_up_and_never_exceed_a_line()
    {
        Assert.Equal([2L, 1L, 1L], CartAllocation.Share(4, [5, 5, 5]));
        Assert.Equal([1L, 1L, 1L], CartAllocation.Share(10, [1, 1, 1]));
        Assert.Equal([0L, 7L, 3L], CartAllocation.Share(10, [0, 70, 30]));
    }
}
