namespace Ecommerce.Contracts.Payments;

/// <summary>Published on <see cref="Topics.PaymentsDisputeOpened"/>; consumers deduplicate on <see cref="DisputeId"/>.</summary>
public sealed record PaymentDisputeOpenedV1(
    string DisputeId,
    string PaymentId,
    string OrderId,
    decimal Amount,
    string Currency,
    string Reason) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
