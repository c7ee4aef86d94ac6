using Ecommerce.Shipping.Model;

namespace Ecommerce.Shipping.Shipments;

/// <summary>What a cancel request came to.</summary>
public enum CancelOutcomeKind
{
    /// <summary>Cancelled now, or already before (200 both: cancel is idempotent).</summary>
    Cancelled,

    NotFound,

    /// <summary>Already picked up by the carrier (409).</summary>
    TooLate,
}

public sealed record CancelOutcome(CancelOutcomeKind Kind, ShipmentRecord? Shipment = null);
