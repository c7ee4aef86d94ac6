using Ecommerce.Contracts.Shipping;

namespace Ecommerce.Shipping.Model;

/// <summary>A shipment with its cancellation time (if any) and the last status the scan announced (if any), read together.</summary>
public sealed record ShipmentRecord(Shipment Shipment, DateTimeOffset? CancelledAt, ShipmentStatus? LastAnnounced);
