using System.Text.Json.Serialization;

namespace Ecommerce.Pricing.Model;

/// <summary>
/// What a discount or a coupon takes off, and on what. Quantities (for <see cref="MinQuantity"/>
/// and <see cref="Tiers"/>) count every unit in the cart the offer targets: all units of the listed
/// SKUs or categories, or of the whole cart.
/// </summary>
/// <param name="Kind">Percent or fixed amount.</param>
/// <param name="Value">The percent (0–100) or the amount; below the first tier it may be 0.</param>
/// <param name="Scope">SKU, category or cart.</param>
/// <param name="Skus">The SKUs when the scope is <see cref="DiscountScope.Sku"/>.</param>
/// <param name="CategoryIds">The categories when the scope is <see cref="DiscountScope.Category"/>.</param>
/// <param name="Currency">Required for fixed amounts: the offer applies only to quotes in that currency.</param>
/// <param name="MinQuantity">Units needed before the offer applies at all.</param>
/// <param name="Tiers">Bulk tiers, each replacing <see cref="Value"/> from its quantity on.</param>
public sealed record Offer(
    DiscountKind Kind,
    decimal Value,
    DiscountScope Scope,
    IReadOnlyList<string>? Skus = null,
    IReadOnlyList<string>? CategoryIds = null,
    string? Currency = null,
    int MinQuantity = 1,
    IReadOnlyList<BulkTier>? Tiers = null)
{
    [JsonIgnore]
    public IReadOnlyList<string> TargetSkus => Skus ?? [];

    [JsonIgnore]
    public IReadOnlyList<string> TargetCategoryIds => CategoryIds ?? [];

    [JsonIgnore]
    public IReadOnlyList<BulkTier> BulkTiers => Tiers ?? [];
}
