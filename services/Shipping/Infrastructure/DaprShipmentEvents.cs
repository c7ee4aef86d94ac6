using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Shipping;

namespace Ecommerce.Shipping.Infrastructure;

/// <summary>Publishes through the sidecar's pub/sub API on the <c>events</c> component.</summary>
internal sealed class DaprShipmentEvents(DaprClient dapr) : IShipmentEvents
{
    public Task PublishStatusChangedAsync(ShipmentStatusChangedV1 changed, CancellationToken cancellationToken) =>
        dapr.PublishEventAsync(Components.EventsPubSub, Topics.ShipmentsStatusChanged, changed, cancellationToken);
}
