using System.Globalization;
using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Quoting;

/// <summary>The sentences a quote shows the shopper, in one place (English, invariant number format).</summary>
internal static class Reasons
{
    public static string ForOffer(string label, Offer offer, decimal value, int quantity)
    {
        var what = offer.Kind == DiscountKind.Percent
            ? $"{Number(value)}% off"
            : offer.Scope == DiscountScope.Cart
                ? $"{Number(value)} {offer.Currency} off the order"
                : $"{Number(value)} {offer.Currency} off each";
        var tier = OfferMath.TierReached(offer, quantity);
        return tier is null ? $"{label}: {what}" : $"{label}: {what} (from {tier.MinQuantity} units)";
    }

    public static string ForBuyXGetY(Promotion promotion, BuyXGetYTerms terms) =>
        terms.PercentOff >= 100
            ? $"{promotion.Name}: buy {terms.BuyQuantity}, get {terms.GetQuantity} free"
            : $"{promotion.Name}: buy {terms.BuyQuantity}, get {terms.GetQuantity} at {Number(terms.PercentOff)}% off";

    public static string ForFreeShipping(Promotion promotion, FreeShippingTerms terms) =>
        $"{promotion.Name}: free shipping from {Number(terms.Threshold)} {terms.Currency}";

    public static string CouponLabel(Coupon coupon) =>
        string.IsNullOrEmpty(coupon.Description) ? $"Coupon {coupon.Code}" : $"Coupon {coupon.Code} ({coupon.Description})";

    public const string CouponApplied = "Applied.";
    public const string UnknownCoupon = "Unknown coupon code.";
    public const string CouponNotYetValid = "Not valid yet.";
    public const string CouponExpired = "Expired.";
    public const string CouponUsedUp = "Usage limit reached.";
    public const string CouponNeedsCustomer = "Only for signed-in customers.";
    public const string CouponUsedUpByCustomer = "Already used the maximum number of times by this customer.";
    public const string NothingQualifies = "Nothing in the cart qualifies for it.";

    public static string CouponWrongCurrency(string currency) => $"Only valid for quotes in {currency}.";

    public static string CouponNotCombinable(string otherCode) => $"Cannot be combined with coupon {otherCode}.";

    public static string CouponNeedsQuantity(int quantity) => $"Needs at least {quantity} qualifying units.";

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
