using Dapr.Client;
using Ecommerce.Contracts;

namespace Ecommerce.Inventory.Infrastructure;

internal sealed class DaprEventPublisher(DaprClient dapr) : IEventPublisher
{
    public Task PublishAsync<TEvent>(string topic, TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent =>
        dapr.PublishEventAsync(Components.EventsPubSub, topic, integrationEvent, cancellationToken);
}
