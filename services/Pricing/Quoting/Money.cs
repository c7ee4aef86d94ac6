namespace Ecommerce.Pricing.Quoting;

/// <summary>
/// The one rounding rule of the service: to the currency's minor unit, half away from zero
/// (2.345 EUR → 2.35, 2.5 JPY → 3), applied to each line's figures (each discount, each tax
/// amount) as they are computed. Totals are sums of already rounded figures, so they add up
/// exactly and are never rounded again.
/// </summary>
public static class Money
{
    public static decimal Round(decimal amount, string currency) => Round(amount, Currencies.MinorUnits(currency));

    public static decimal Round(decimal amount, int minorUnits) => Math.Round(amount, minorUnits, MidpointRounding.AwayFromZero);

    /// <summary>An amount as a whole number of minor units (12.34 EUR → 1234), for exact integer sharing.</summary>
    public static long ToMinorUnits(decimal amount, int minorUnits) => decimal.ToInt64(Round(amount, minorUnits) * Pow10(minorUnits));

    public static decimal FromMinorUnits(long units, int minorUnits) => units / Pow10(minorUnits);

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }
        return result;
    }
}
