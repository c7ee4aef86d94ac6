namespace Ecommerce.Contracts.Ordering;

/// <summary>
/// Published on <see cref="Topics.OrdersCancelled"/> once when an order ends without being fulfilled
/// (<see cref="OrderStatus.Rejected"/>, <see cref="OrderStatus.PaymentFailed"/>, <see cref="OrderStatus.Failed"/>
/// or <see cref="OrderStatus.Cancelled"/>), after every compensation ran: nothing is charged and no stock is held.
/// </summary>
public sealed record OrderCancelledV1(
    string OrderId,
    string CustomerId,
    OrderStatus FinalStatus,
    string Reason,
    IReadOnlyList<string> CouponCodes) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
