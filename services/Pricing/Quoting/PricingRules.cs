using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Quoting;

/// <summary>
/// Everything a quote is computed from, loaded beforehand so the engine does no I/O.
/// </summary>
/// <param name="Prices">The price of every SKU of the request, in the request's currency.</param>
/// <param name="Discounts">Every automatic discount (the engine picks the active ones).</param>
/// <param name="Promotions">Every promotion (the engine picks the active ones).</param>
/// <param name="Coupons">The coupons the request names that exist, with how often they were used.</param>
/// <param name="TaxRules">Every tax rule.</param>
public sealed record PricingRules(
    IReadOnlyDictionary<string, PriceRecord> Prices,
    IReadOnlyList<Discount> Discounts,
    IReadOnlyList<Promotion> Promotions,
    IReadOnlyList<CouponState> Coupons,
    IReadOnlyList<TaxRule> TaxRules);

/// <summary>A coupon with its usage so far: in total, and by the quote's customer.</summary>
public sealed record CouponState(Coupon Coupon, int TimesUsed, int TimesUsedByCustomer);
