namespace Ecommerce.Shipping.Model;

/// <summary>Prices a parcel with a rate table: the method's zone, then the first weight band the parcel fits in.</summary>
public static class RateCalculator
{
    public static int TotalWeightGrams(IEnumerable<ShipmentLine> lines) => lines.Sum(line => line.Quantity * line.WeightGrams);

    /// <summary>The quote of one method, or null when the method does not go to the zone or the parcel is too heavy for it.</summary>
    public static ShippingQuote? Quote(RateTable table, ShippingMethod method, ShippingZone zone, int weightGrams, DateOnly shipDate)
    {
        var zoneRates = table.Methods.FirstOrDefault(m => m.Method == method)?.Zones.FirstOrDefault(z => z.Zone == zone);
        var band = zoneRates?.Bands.OrderBy(b => b.UpToGrams).FirstOrDefault(b => weightGrams <= b.UpToGrams);
        return zoneRates is null || band is null
            ? null
            : new ShippingQuote(method, band.Price, table.Currency, zoneRates.DeliveryDays, DeliveryDates.AddBusinessDays(shipDate, zoneRates.DeliveryDays));
    }

    /// <summary>Every method available for the parcel, cheapest first.</summary>
    public static IReadOnlyList<ShippingQuote> QuoteAll(RateTable table, ShippingZone zone, int weightGrams, DateOnly shipDate) =>
        [.. Enum.GetValues<ShippingMethod>()
            .Select(method => Quote(table, method, zone, weightGrams, shipDate))
            .OfType<ShippingQuote>()
            .OrderBy(quote => quote.Price)];
}
