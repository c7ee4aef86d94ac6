using System.Collections.Concurrent;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Infrastructure;

namespace Ecommerce.Ordering.Tests.Fakes;

/// <summary>The events the service published, in order.</summary>
internal sealed class RecordingOrderEvents : IOrderEvents
{
    public ConcurrentQueue<IntegrationEvent> Published { get; } = new();

    public IEnumerable<T> Of<T>() => Published.OfType<T>();

    public Task SubmittedAsync(OrderSubmittedV1 submitted) => Record(submitted);

    public Task StatusChangedAsync(OrderStatusChangedV1 changed) => Record(changed);

    public Task ConfirmedAsync(OrderConfirmedV1 confirmed) => Record(confirmed);

    public Task CancelledAsync(OrderCancelledV1 cancelled) => Record(cancelled);

    private Task Record(IntegrationEvent published)
    {
        Published.Enqueue(published);
        return Task.CompletedTask;
    }
}
