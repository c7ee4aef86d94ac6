using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Quoting;

/// <summary>
/// A line while the engine prices it: what it costs, what is left of it, and the discounts
/// taken so far. <see cref="Take"/> caps every discount at what is left, which is why no
/// discount, alone or with others, can exceed the line or make it negative.
/// </summary>
internal sealed class WorkingLine
{
    private readonly List<AppliedDiscount> _discounts = [];

    public WorkingLine(int index, QuoteLineRequest request, PriceRecord price, int minorUnits)
    {
        Index = index;
        Sku = request.Sku;
        Quantity = request.Quantity;
        CategoryId = request.CategoryId;
        UnitPrice = price.Price;
        CompareAtPrice = price.CompareAtPrice;
        Subtotal = Money.Round(price.Price * request.Quantity, minorUnits);
        Remaining = Subtotal;
    }

    public int Index { get; }

    public string Sku { get; }

    public int Quantity { get; }

    public string? CategoryId { get; }

    public decimal UnitPrice { get; }

    public decimal? CompareAtPrice { get; }

    public decimal Subtotal { get; }

    /// <summary>The subtotal less the discounts taken so far.</summary>
    public decimal Remaining { get; private set; }

    public IReadOnlyList<AppliedDiscount> Discounts => _discounts;

    /// <summary>Takes up to <paramref name="amount"/> off what is left; returns what was actually taken.</summary>
    public decimal Take(DiscountSource source, string sourceId, string reason, decimal amount)
    {
        var taken = Math.Min(amount, Remaining);
        if (taken <= 0)
        {
            return 0;
        }
        Remaining -= taken;
        _discounts.Add(new AppliedDiscount(source, sourceId, reason, taken));
        return taken;
    }

    public bool IsTargetedBy(Offer offer) => offer.Scope switch
    {
        DiscountScope.Sku => offer.TargetSkus.Contains(Sku, StringComparer.Ordinal),
        DiscountScope.Category => CategoryId is not null && offer.TargetCategoryIds.Contains(CategoryId, StringComparer.Ordinal),
        _ => true,
    };

    public bool IsTargetedBy(BuyXGetYTerms terms) =>
        terms.TargetSkus.Contains(Sku, StringComparer.Ordinal)
        || (CategoryId is not null && terms.TargetCategoryIds.Contains(CategoryId, StringComparer.Ordinal));
}
