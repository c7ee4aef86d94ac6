using Ecommerce.Contracts.Shipping;

namespace Ecommerce.Shipping.Infrastructure;

/// <summary>What shipping announces on <c>events</c>.</summary>
public interface IShipmentEvents
{
    Task PublishStatusChangedAsync(ShipmentStatusChangedV1 changed, CancellationToken cancellationToken);
}
