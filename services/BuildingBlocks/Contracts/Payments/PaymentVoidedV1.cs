namespace Ecommerce.Contracts.Payments;

/// <summary>Published on <see cref="Topics.PaymentsVoided"/> when an authorization (or one pending review) is released before capture.</summary>
public sealed record PaymentVoidedV1(
    string PaymentId,
    string TransactionId,
    string OrderId,
    decimal Amount,
    string Currency) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
