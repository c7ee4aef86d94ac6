namespace Ecommerce.Contracts.Ordering;

/// <summary>
/// Published on <see cref="Topics.OrdersConfirmed"/> when the checkout saga confirms an order
/// (payment captured, stock committed). Pricing counts coupon usage from it; the cart empties.
/// </summary>
public sealed record OrderConfirmedV1(
    string OrderId,
    string CustomerId,
    string Currency,
    decimal Total,
    IReadOnlyList<string> CouponCodes) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
