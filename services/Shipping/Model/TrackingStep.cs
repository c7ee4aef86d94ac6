using Ecommerce.Contracts.Shipping;

namespace Ecommerce.Shipping.Model;

/// <summary>A step a shipment has reached, and when.</summary>
public sealed record TrackingStep(ShipmentStatus Status, DateTimeOffset At);
