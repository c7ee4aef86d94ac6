using System.Collections.Frozen;

namespace Ecommerce.Pricing.Quoting;

/// <summary>
/// ISO 4217 currencies and their minor units: how many decimals an amount in that currency has
/// (EUR 2: 12.34; JPY 0: 1234; KWD 3: 12.345). Every amount the service stores or answers is a
/// whole number of minor units. Funds codes and precious metals (XAU, XDR, ...) are not money a
/// shop charges in, so they are not listed and are refused.
/// </summary>
public static class Currencies
{
    private static readonly FrozenDictionary<string, int> MinorUnitsByCode = BuildTable();

    public static bool IsKnown(string? code) => code is not null && MinorUnitsByCode.ContainsKey(code);

    /// <summary>The number of decimals of <paramref name="code"/>; throws for an unknown code (validators refuse those first).</summary>
    public static int MinorUnits(string code) =>
        MinorUnitsByCode.TryGetValue(code, out var units)
            ? units
            : throw new ArgumentOutOfRangeException(nameof(code), code, "Not an ISO 4217 currency this service prices in.");

    /// <summary>True when <paramref name="amount"/> has no more decimals than <paramref name="code"/> allows.</summary>
    public static bool IsWholeMinorUnits(decimal amount, string code) => Money.Round(amount, code) == amount;

    private static FrozenDictionary<string, int> BuildTable()
    {
        string[] noDecimals = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];
        string[] threeDecimals = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];
        string[] fourDecimals = ["CLF", "UYW"];
        string[] twoDecimals =
        [
            "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BMD", "BND", "BOB",
            "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DKK", "DOP",
            "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL", "HTG",
            "HUF", "IDR", "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL",
            "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO",
            "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SBD", "SCR", "SDG",
            "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TOP", "TRY", "TTD",
            "TWD", "TZS", "UAH", "USD", "UYU", "UZS", "VES", "WST", "XCD", "YER", "ZAR", "ZMW", "ZWG",
        ];
        return noDecimals.Select(code => (code, 0))
            .Concat(twoDecimals.Select(code => (code, 2)))
            .Concat(threeDecimals.Select(code => (code, 3)))
            .Concat(fourDecimals.Select(code => (code, 4)))
            .ToFrozenDictionary(entry => entry.code, entry => entry.Item2, StringComparer.Ordinal);
    }
}
