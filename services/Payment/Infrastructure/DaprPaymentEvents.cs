using Ecommerce.Contracts;
using Ecommerce.Contracts.Payments;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Payment.Infrastructure;

/// <summary>The payment service's events on <c>events</c>, each announced after its change has committed (<see cref="AfterCommitPublisher"/>).</summary>
internal sealed class DaprPaymentEvents(AfterCommitPublisher publisher) : IPaymentEvents
{
    public Task AuthorizedAsync(PaymentAuthorizedV1 authorized) => PublishAsync(Topics.PaymentsAuthorized, authorized);

    public Task FailedAsync(PaymentFailedV1 failed) => PublishAsync(Topics.PaymentsFailed, failed);

    public Task CapturedAsync(PaymentCapturedV1 captured) => PublishAsync(Topics.PaymentsCaptured, captured);

    public Task VoidedAsync(PaymentVoidedV1 voided) => PublishAsync(Topics.PaymentsVoided, voided);

    public Task RefundedAsync(PaymentRefundedV1 refunded) => PublishAsync(Topics.PaymentsRefunded, refunded);

    public Task DisputeOpenedAsync(PaymentDisputeOpenedV1 opened) => PublishAsync(Topics.PaymentsDisputeOpened, opened);

    public Task DisputeClosedAsync(PaymentDisputeClosedV1 closed) => PublishAsync(Topics.PaymentsDisputeClosed, closed);

    private Task PublishAsync<T>(string topic, T data)
        where T : IntegrationEvent =>
        publisher.PublishAsync(Components.EventsPubSub, topic, data);
}
