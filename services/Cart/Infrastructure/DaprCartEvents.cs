using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Cart;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>Publishes through the sidecar's pub/sub API on the <c>events</c> component.</summary>
internal sealed class DaprCartEvents(DaprClient dapr) : ICartEvents
{
    public Task PublishAbandonedAsync(CartAbandonedV1 abandoned, CancellationToken cancellationToken) =>
        dapr.PublishEventAsync(Components.EventsPubSub, Topics.CartAbandoned, abandoned, cancellationToken);
}
