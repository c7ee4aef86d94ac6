using System.Collections.Concurrent;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Payments;
using Ecommerce.Payment.Infrastructure;

namespace Ecommerce.Payment.Tests.Fakes;

/// <summary>Keeps every event published, in order.</summary>
internal sealed class RecordingPaymentEvents : IPaymentEvents
{
    public ConcurrentQueue<IntegrationEvent> Published { get; } = new();

    public IReadOnlyList<T> Of<T>()
        where T : IntegrationEvent => [.. Published.OfType<T>()];

    public Task AuthorizedAsync(PaymentAuthorizedV1 authorized) => Record(authorized);

    public Task FailedAsync(PaymentFailedV1 failed) => Record(failed);

    public Task CapturedAsync(PaymentCapturedV1 captured) => Record(captured);

    public Task VoidedAsync(PaymentVoidedV1 voided) => Record(voided);

    public Task RefundedAsync(PaymentRefundedV1 refunded) => Record(refunded);

    public Task DisputeOpenedAsync(PaymentDisputeOpenedV1 opened) => Record(opened);

    public Task DisputeClosedAsync(PaymentDisputeClosedV1 closed) => Record(closed);

    private Task Record(IntegrationEvent published)
    {
        Published.Enqueue(published);
        return Task.CompletedTask;
    }
}
