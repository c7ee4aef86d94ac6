namespace Ecommerce.Pricing.Model;

/// <summary>Bounds on inputs, so no request can make a quote overflow or run for long.</summary>
public static class PricingLimits
{
    /// <summary>The largest amount anywhere (a price, a fixed discount, a threshold, a shipping cost).</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public const int MaxQuantity = 10_000;

    public const int MaxQuoteLines = 200;

    public const int MaxCouponsPerQuote = 5;

    public const int MaxTargets = 500;

    public const int MaxTiers = 20;
}
