using Ecommerce.Contracts.Shipping;
using Ecommerce.Shipping.Model;

namespace Ecommerce.Shipping.Infrastructure;

/// <summary>
/// Where shipments live. Only get, save and delete: every document has a single kind of writer,
/// and writers of the same document write the same value, so nothing needs an ETag.
/// </summary>
public interface IShipmentStore
{
    /// <summary>The order's shipment with its cancellation and announced progress, or null when there is none.</summary>
    Task<ShipmentRecord?> GetAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Saves a new shipment with its tracking entry and label (the shipment last: its presence means "created").</summary>
    Task CreateAsync(Shipment shipment, ShippingLabel label, CancellationToken cancellationToken);

    Task<string?> FindOrderIdAsync(string trackingNumber, CancellationToken cancellationToken);

    Task<ShippingLabel?> GetLabelAsync(string shipmentId, CancellationToken cancellationToken);

    Task SaveCancellationAsync(Shipment shipment, DateTimeOffset cancelledAt, CancellationToken cancellationToken);

    Task SaveProgressAsync(Shipment shipment, ShipmentStatus lastAnnounced, CancellationToken cancellationToken);
}
