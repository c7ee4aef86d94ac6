namespace Ecommerce.Pricing.Model;

/// <summary>An admin's coupon, to create or to replace one (the code cannot change).</summary>
public sealed record CouponRequest(
    string Code,
    Offer Offer,
    string Description = "",
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? ExpiresAt = null,
    int? UsageLimit = null,
    int? PerCustomerLimit = null,
    bool CombinesWithDiscounts = CouponStacking.DefaultCombinesWithDiscounts,
    bool CombinesWithOtherCoupons = CouponStacking.DefaultCombinesWithOtherCoupons)
{
    public Coupon ToCoupon(DateTimeOffset now) => new(
        Coupon.Normalize(Code), Description.Trim(), Offer, StartsAt, ExpiresAt, UsageLimit, PerCustomerLimit,
        CombinesWithDiscounts, CombinesWithOtherCoupons, now);
}
