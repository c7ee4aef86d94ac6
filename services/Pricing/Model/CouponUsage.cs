using System.Text.Json.Serialization;

namespace Ecommerce.Pricing.Model;

/// <summary>
/// How often a coupon was used, as stored under <c>coupon-usage|{code}</c>: one redemption per
/// confirmed order, so a redelivered <c>orders.confirmed</c> is recognised by its order id and
/// never counted twice. About 100 bytes per redemption.
/// </summary>
public sealed record CouponUsage(string Code, IReadOnlyList<CouponRedemption> Redemptions)
{
    [JsonIgnore]
    public int TimesUsed => Redemptions.Count;

    public int TimesUsedBy(string customerId) => Redemptions.Count(redemption => redemption.CustomerId == customerId);

    public bool Counts(string orderId) => Redemptions.Any(redemption => redemption.OrderId == orderId);

    public static CouponUsage None(string code) => new(code, []);
}

/// <summary>One confirmed order that used the coupon.</summary>
public sealed record CouponRedemption(string OrderId, string CustomerId, DateTimeOffset ConfirmedAt);

/// <summary>A coupon's usage as the API answers it; with a customer id, that customer's count too.</summary>
public sealed record CouponUsageView(string Code, int TimesUsed, int? TimesUsedByCustomer);
