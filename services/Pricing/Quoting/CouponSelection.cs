using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Quoting;

/// <summary>
/// Decides which of the entered coupons may be used, in the order they were entered: a coupon is
/// refused when unknown, outside its dates, in the wrong currency, used up (in total or by this
/// customer), or when it and an already accepted coupon cannot be combined (see <see cref="CouponStacking"/>).
/// Whether an accepted coupon then takes anything off is decided by the engine.
/// </summary>
internal static class CouponSelection
{
    public static (List<Coupon> Accepted, List<(string Code, string? Refusal)> Entered) Select(
        QuoteRequest request, IReadOnlyList<CouponState> coupons, DateTimeOffset at)
    {
        var accepted = new List<Coupon>();
        var entered = new List<(string Code, string? Refusal)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in request.Coupons.Select(Coupon.Normalize))
        {
            if (!seen.Add(code))
            {
                continue;
            }
            var state = coupons.FirstOrDefault(candidate => candidate.Coupon.Code == code);
            var refusal = state is null ? Reasons.UnknownCoupon : Refusal(state, request, accepted, at);
            if (refusal is null)
            {
                accepted.Add(state!.Coupon);
            }
            entered.Add((code, refusal));
        }
        return (accepted, entered);
    }

    private static string? Refusal(CouponState state, QuoteRequest request, List<Coupon> accepted, DateTimeOffset at)
    {
        var coupon = state.Coupon;
        if (coupon.StartsAt is { } startsAt && at < startsAt)
        {
            return Reasons.CouponNotYetValid;
        }
        if (coupon.ExpiresAt is { } expiresAt && at >= expiresAt)
        {
            return Reasons.CouponExpired;
        }
        if (!OfferMath.AppliesIn(coupon.Offer, request.Currency))
        {
            return Reasons.CouponWrongCurrency(coupon.Offer.Currency!);
        }
        if (coupon.UsageLimit is { } limit && state.TimesUsed >= limit)
        {
            return Reasons.CouponUsedUp;
        }
        if (coupon.PerCustomerLimit is { } perCustomer)
        {
            if (string.IsNullOrEmpty(request.CustomerId))
            {
                return Reasons.CouponNeedsCustomer;
            }
            if (state.TimesUsedByCustomer >= perCustomer)
            {
                return Reasons.CouponUsedUpByCustomer;
            }
        }
        if (accepted.Count > 0)
        {
            var blocker = coupon.CombinesWithOtherCoupons ? accepted.FirstOrDefault(other => !other.CombinesWithOtherCoupons) : accepted[0];
            if (blocker is not null)
            {
                return Reasons.CouponNotCombinable(blocker.Code);
            }
        }
        return null;
    }
}
