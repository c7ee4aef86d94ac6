using Ecommerce.Shipping.Model;

namespace Ecommerce.Shipping.Tests.Unit;

public sealed class RateCalculatorTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static readonly RateTable Table = new()
    {
        Currency = "EUR",
        Methods =
        [
            new MethodRates
            {
                Method = ShippingMethod.Standard,
                Zones =
                [
                    new ZoneRates { Zone = ShippingZone.Domestic, DeliveryDays = 3, Bands = [new() { UpToGrams = 5000, Price = 6.90m }, new() { UpToGrams = 2000, Price = 4.90m }] },
                    new ZoneRates { Zone = ShippingZone.Eu, DeliveryDays = 5, Bands = [new() { UpToGrams = 2000, Price = 9.90m }] },
                ],
            },
            new MethodRates
            {
                Method = ShippingMethod.Express,
                Zones = [new ZoneRates { Zone = ShippingZone.Domestic, DeliveryDays = 1, Bands = [new() { UpToGrams = 2000, Price = 3.00m }] }],
            },
        ],
    };

    [Theory]
    [InlineData(1, 4.90)]
    [InlineData(2000, 4.90)]
    [InlineData(2001, 6.90)]
    [InlineData(5000, 6.90)]
    public void The_price_is_the_first_band_the_weight_fits_in(int grams, double price) =>
        Assert.Equal((decimal)price, RateCalculator.Quote(Table, ShippingMethod.Standard, ShippingZone.Domestic, grams, Monday)!.Price);

    [Fact]
    public void Too_heavy_or_a_zone_not_served_has_no_quote()
    {
        Assert.Null(RateCalculator.Quote(Table, ShippingMethod.Standard, ShippingZone.Domestic, 5001, Monday));
        Assert.Null(RateCalculator.Quote(Table, ShippingMethod.Standard, ShippingZone.RestOfWorld, 100, Monday));
        Assert.Null(RateCalculator.Quote(Table, ShippingMethod.Overnight, ShippingZone.Domestic, 100, Monday));
    }

    [Fact]
    public void All_quotes_come_cheapest_first_with_their_delivery_dates()
    {
        var quotes = RateCalculator.QuoteAll(Table, ShippingZone.Domestic, 1500, Monday);

        Assert.Equal(
            [new ShippingQuote(ShippingMethod.Express, 3.00m, "EUR", 1, new DateOnly(2026, 11, 3)), new ShippingQuote(ShippingMethod.Standard, 4.90m, "EUR", 3, new DateOnly(2026, 11, 5))],
            quotes);
    }

    [Fact]
    public void The_weight_is_quantity_times_unit_weight_summed() =>
        Assert.Equal(2300, RateCalculator.TotalWeightGrams([new ShipmentLine("A", 2, 400), new ShipmentLine("B", 1, 1500)]));
}
