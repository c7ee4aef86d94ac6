using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Quoting;

/// <summary>How much an offer is worth on a cart: its quantity rules, its tiers, its amounts.</summary>
internal static class OfferMath
{
    /// <summary>Units in the cart the offer targets (every unit of every targeted line).</summary>
    public static int TargetedQuantity(Offer offer, IEnumerable<WorkingLine> lines) =>
        lines.Where(line => line.IsTargetedBy(offer)).Sum(line => line.Quantity);

    /// <summary>
    /// The percent or amount the offer gives for <paramref name="quantity"/> targeted units: 0 below
    /// its minimum quantity, else the value of the highest bulk tier reached, else its base value.
    /// </summary>
    public static decimal EffectiveValue(Offer offer, int quantity)
    {
        if (quantity < offer.MinQuantity)
        {
            return 0;
        }
        var tier = offer.BulkTiers
            .Where(t => t.MinQuantity <= quantity)
            .OrderByDescending(t => t.MinQuantity)
            .FirstOrDefault();
        return tier?.Value ?? offer.Value;
    }

    /// <summary>The tier reached, for the reason shown to the shopper.</summary>
    public static BulkTier? TierReached(Offer offer, int quantity) =>
        quantity < offer.MinQuantity
            ? null
            : offer.BulkTiers.Where(t => t.MinQuantity <= quantity).OrderByDescending(t => t.MinQuantity).FirstOrDefault();

    /// <summary>
    /// What a SKU- or category-scoped offer takes off one line: the percent of what is left of it,
    /// or the fixed amount per unit. Rounded per line; the line caps it at what is left.
    /// </summary>
    public static decimal LineAmount(Offer offer, decimal value, WorkingLine line, int minorUnits) => offer.Kind switch
    {
        DiscountKind.Percent => Money.Round(line.Remaining * value / 100m, minorUnits),
        _ => Money.Round(value * line.Quantity, minorUnits),
    };

    /// <summary>What a cart-scoped offer takes off the cart: the percent of what is left, or the fixed amount, at most what is left.</summary>
    public static decimal CartAmount(Offer offer, decimal value, decimal remaining, int minorUnits) => offer.Kind switch
    {
        DiscountKind.Percent => Money.Round(remaining * value / 100m, minorUnits),
        _ => Math.Min(value, remaining),
    };

    /// <summary>Fixed amounts are in one currency; percents apply in all.</summary>
    public static bool AppliesIn(Offer offer, string currency) => offer.Currency is null || offer.Currency == currency;
}
