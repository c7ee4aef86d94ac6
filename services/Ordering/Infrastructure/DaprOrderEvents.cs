using Ecommerce.Contracts;
using Ecommerce.Contracts.Ordering;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Infrastructure;

/// <summary>The ordering service's events on <c>events</c>, each announced after its change has committed (<see cref="AfterCommitPublisher"/>).</summary>
internal sealed class DaprOrderEvents(AfterCommitPublisher publisher) : IOrderEvents
{
    public Task SubmittedAsync(OrderSubmittedV1 submitted) => PublishAsync(Topics.OrdersSubmitted, submitted);

    public Task StatusChangedAsync(OrderStatusChangedV1 changed) => PublishAsync(Topics.OrdersStatusChanged, changed);

    public Task ConfirmedAsync(OrderConfirmedV1 confirmed) => PublishAsync(Topics.OrdersConfirmed, confirmed);

    public Task CancelledAsync(OrderCancelledV1 cancelled) => PublishAsync(Topics.OrdersCancelled, cancelled);

    private Task PublishAsync<T>(string topic, T data)
        where T : IntegrationEvent =>
        publisher.PublishAsync(Components.EventsPubSub, topic, data);
}
