namespace Ecommerce.Pricing.Model;

/// <summary>
/// A code a shopper types. Codes are case-insensitive and kept in upper case. Usage is counted
/// when an order that used it is confirmed (<c>orders.confirmed</c>); the limits are checked when
/// a quote is made, so checkouts running at the same moment may together pass a limit by the
/// number in flight. Stacking: see <see cref="CouponStacking"/>.
/// </summary>
public sealed record Coupon(
    string Code,
    string Description,
    Offer Offer,
    DateTimeOffset? StartsAt,
    DateTimeOffset? ExpiresAt,
    int? UsageLimit,
    int? PerCustomerLimit,
    bool CombinesWithDiscounts,
    bool CombinesWithOtherCoupons,
    DateTimeOffset UpdatedAt) : IDefinition
{
    string IDefinition.Id => Code;

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
