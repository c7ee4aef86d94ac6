using Ecommerce.Shipping.Model;

namespace Ecommerce.Shipping.Shipments;

/// <summary>What a create request came to.</summary>
public enum CreateOutcomeKind
{
    /// <summary>This request stored the shipment (201).</summary>
    Created,

    /// <summary>The order already had this shipment: a retry (200, the same shipment).</summary>
    Existing,

    /// <summary>The order already has a shipment with another method, address or lines (409).</summary>
    Conflict,

    /// <summary>The carrier does not deliver to the postal code (422, reason undeliverable).</summary>
    Undeliverable,

    /// <summary>The method does not go to the zone, or not with that weight (422, reason method-unavailable).</summary>
    MethodUnavailable,
}

public sealed record CreateOutcome(CreateOutcomeKind Kind, ShipmentRecord? Shipment = null);
