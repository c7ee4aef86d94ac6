using Ecommerce.Contracts;

namespace Ecommerce.Inventory.Infrastructure;

/// <summary>Publishes integration events on the <c>events</c> pub/sub.</summary>
public interface IEventPublisher
{
    Task PublishAsync<TEvent>(string topic, TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent;
}
