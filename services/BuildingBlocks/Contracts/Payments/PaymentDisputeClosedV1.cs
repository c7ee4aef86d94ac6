namespace Ecommerce.Contracts.Payments;

/// <summary>
/// Published on <see cref="Topics.PaymentsDisputeClosed"/>. <see cref="Outcome"/> is <c>won</c> or <c>lost</c>; a lost
/// dispute returned the disputed amount to the cardholder as the refund transaction <see cref="RefundTransactionId"/>
/// (<see cref="FundsReturned"/>), so ordering can flag the order. Consumers deduplicate on <see cref="DisputeId"/>.
/// </summary>
public sealed record PaymentDisputeClosedV1(
    string DisputeId,
    string PaymentId,
    string OrderId,
    decimal Amount,
    string Currency,
    string Outcome,
    bool FundsReturned,
    string? RefundTransactionId) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
