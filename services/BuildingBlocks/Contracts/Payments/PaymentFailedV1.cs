namespace Ecommerce.Contracts.Payments;

/// <summary>
/// Published on <see cref="Topics.PaymentsFailed"/> when an authorization is refused for good (declined by the issuer,
/// insufficient funds, suspected fraud, or rejected at review). <see cref="Reason"/> is the camelCase code the API
/// answers with (<c>declined</c>, <c>insufficientFunds</c>, <c>fraudSuspected</c>, <c>reviewRejected</c>).
/// A transient processing error is not a failure and publishes nothing.
/// </summary>
public sealed record PaymentFailedV1(
    string PaymentId,
    string TransactionId,
    string OrderId,
    string UserId,
    decimal Amount,
    string Currency,
    string Reason) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
