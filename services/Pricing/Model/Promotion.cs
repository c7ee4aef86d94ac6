using System.Globalization;
using System.Text.Json.Serialization;

namespace Ecommerce.Pricing.Model;

/// <summary>
/// An automatic promotion, active in its window like a <see cref="Discount"/>. Exactly one of
/// <see cref="BuyXGetY"/> and <see cref="FreeShipping"/> is set, matching <see cref="Kind"/>.
/// </summary>
public sealed record Promotion(
    string Id,
    string Name,
    PromotionKind Kind,
    BuyXGetYTerms? BuyXGetY,
    FreeShippingTerms? FreeShipping,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset UpdatedAt) : IDefinition
{
    public bool IsActiveAt(DateTimeOffset at) => (StartsAt is null || StartsAt <= at) && (EndsAt is null || at < EndsAt);

    public static string NewId(DateTimeOffset now) => "promo-" + Guid.CreateVersion7(now).ToString("N", CultureInfo.InvariantCulture);
}

/// <summary>
/// Buy <see cref="BuyQuantity"/>, get <see cref="GetQuantity"/> at <see cref="PercentOff"/> off
/// (100: free), counted over all units of the listed SKUs and categories; the cheapest units are the ones reduced.
/// </summary>
public sealed record BuyXGetYTerms(
    int BuyQuantity,
    int GetQuantity,
    IReadOnlyList<string>? Skus = null,
    IReadOnlyList<string>? CategoryIds = null,
    decimal PercentOff = 100)
{
    [JsonIgnore]
    public IReadOnlyList<string> TargetSkus => Skus ?? [];

    [JsonIgnore]
    public IReadOnlyList<string> TargetCategoryIds => CategoryIds ?? [];
}

/// <summary>Free shipping for quotes in <see cref="Currency"/> whose goods, after discounts, come to at least <see cref="Threshold"/>.</summary>
public sealed record FreeShippingTerms(string Currency, decimal Threshold);
