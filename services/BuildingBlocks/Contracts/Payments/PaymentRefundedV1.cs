namespace Ecommerce.Contracts.Payments;

/// <summary>
/// Published on <see cref="Topics.PaymentsRefunded"/> for each refund; <see cref="TotalRefunded"/> is the running total
/// after it, never above the captured amount, and <see cref="FullyRefunded"/> says whether nothing is left to refund.
/// </summary>
public sealed record PaymentRefundedV1(
    string PaymentId,
    string TransactionId,
    string OrderId,
    decimal Amount,
    string Currency,
    decimal TotalRefunded,
    bool FullyRefunded) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
