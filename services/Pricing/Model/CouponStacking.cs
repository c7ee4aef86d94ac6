namespace Ecommerce.Pricing.Model;

/// <summary>
/// The stacking rules of the service, in one place:
/// <list type="bullet">
/// <item>Automatic discounts never stack with each other: on each line the largest SKU/category
/// discount applies, and on the cart the largest cart discount.</item>
/// <item>Promotions (buy X get Y) apply first, then the automatic discount, then coupons; each on
/// what is left of the line, so together they never exceed it.</item>
/// <item>A coupon with <c>combinesWithDiscounts: false</c> switches off automatic discounts and
/// buy-X-get-Y for the whole quote (free shipping still applies).</item>
/// <item>A coupon with <c>combinesWithOtherCoupons: false</c> is used alone: the first acceptable
/// coupon in the request's order wins and the others are refused with the reason.</item>
/// </list>
/// </summary>
public static class CouponStacking
{
    public const bool DefaultCombinesWithDiscounts = true;

    public const bool DefaultCombinesWithOtherCoupons = false;
}
