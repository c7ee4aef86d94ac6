using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Payments;

namespace Ecommerce.Payment.Infrastructure;

/// <summary>
/// Publishes on <c>events</c> through the sidecar; failures are logged by topic and exception type only (events
/// carry no card data, but nothing of their content is logged either). No cancellation is passed on: the change
/// has committed, so its announcement goes out even if the caller left.
/// </summary>
internal sealed partial class DaprPaymentEvents(DaprClient dapr, ILogger<DaprPaymentEvents> logger) : IPaymentEvents
{
    public Task AuthorizedAsync(PaymentAuthorizedV1 authorized) => PublishAsync(Topics.PaymentsAuthorized, authorized);

    public Task FailedAsync(PaymentFailedV1 failed) => PublishAsync(Topics.PaymentsFailed, failed);

    public Task CapturedAsync(PaymentCapturedV1 captured) => PublishAsync(Topics.PaymentsCaptured, captured);

    public Task VoidedAsync(PaymentVoidedV1 voided) => PublishAsync(Topics.PaymentsVoided, voided);

    public Task RefundedAsync(PaymentRefundedV1 refunded) => PublishAsync(Topics.PaymentsRefunded, refunded);

    public Task DisputeOpenedAsync(PaymentDisputeOpenedV1 opened) => PublishAsync(Topics.PaymentsDisputeOpened, opened);

    public Task DisputeClosedAsync(PaymentDisputeClosedV1 closed) => PublishAsync(Topics.PaymentsDisputeClosed, closed);

    private async Task PublishAsync<T>(string topic, T data)
        where T : IntegrationEvent
    {
        try
        {
            await dapr.PublishEventAsync(Components.EventsPubSub, topic, data);
        }
#pragma warning disable CA1031 // A failed announcement must not fail the request whose change has committed.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogPublishFailed(logger, topic, data.EventId, error.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {EventId} on {Topic} failed ({ErrorType})")]
    private static partial void LogPublishFailed(ILogger logger, string topic, string eventId, string errorType);
}
