namespace Ecommerce.Contracts.Payments;

/// <summary>Published on <see cref="Topics.PaymentsCaptured"/>; <see cref="Amount"/> is what was captured (at most the authorized amount).</summary>
public sealed record PaymentCapturedV1(
    string PaymentId,
    string TransactionId,
    string OrderId,
    decimal Amount,
    string Currency) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
