namespace Ecommerce.Contracts.Payments;

/// <summary>
/// Published on <see cref="Topics.PaymentsAuthorized"/> when an authorization holds funds: at once, or when a
/// fraud review approved it. Consumers deduplicate on <see cref="PaymentId"/> + <see cref="TransactionId"/>.
/// No card data: the payment method is named by its token only.
/// </summary>
public sealed record PaymentAuthorizedV1(
    string PaymentId,
    string TransactionId,
    string OrderId,
    string UserId,
    decimal Amount,
    string Currency,
    int FraudScore) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
