namespace Ecommerce.Contracts.Ordering;

/// <summary>
/// Published on <see cref="Topics.OrdersSubmitted"/> once per order, when it is accepted and its checkout
/// saga scheduled (before any price is final, so it carries no total).
/// </summary>
public sealed record OrderSubmittedV1(string OrderId, string CustomerId, string Currency, IReadOnlyList<OrderLineV1> Lines) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
