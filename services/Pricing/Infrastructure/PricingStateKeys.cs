namespace Ecommerce.Pricing.Infrastructure;

/// <summary>
/// The keys of <c>pricing-store</c>. SKUs, ids and codes are validated to contain no '|', so keys
/// never collide. (The sidecar prefixes each key with the app id: <c>pricing||price|...</c>.)
/// </summary>
internal static class PricingStateKeys
{
    public static string Price(string sku, string currency) => $"price|{sku}|{currency}";

    public static string Definition(string kind, string id) => $"{kind}|{id}";

    /// <summary>The list of ids of a kind: the state API has no query on every store, so listing reads this.</summary>
    public static string DefinitionIndex(string kind) => $"{kind}-index";

    public static string CouponUsage(string code) => $"coupon-usage|{code}";

    /// <summary>Set when a one-time import (such as the catalog's demo prices) is done.</summary>
    public static string ImportMarker(string name) => $"import|{name}";
}
