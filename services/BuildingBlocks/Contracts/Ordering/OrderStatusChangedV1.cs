namespace Ecommerce.Contracts.Ordering;

/// <summary>
/// Published on <see cref="Topics.OrdersStatusChanged"/> for every status an order enters, with the reason
/// (for example "out of stock: SKU-1"). A crash between recording and publishing may announce a status twice:
/// consumers deduplicate on (<see cref="OrderId"/>, <see cref="Status"/>), not on the event id.
/// </summary>
public sealed record OrderStatusChangedV1(
    string OrderId,
    string CustomerId,
    OrderStatus Status,
    OrderStatus? PreviousStatus,
    string? Reason) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
