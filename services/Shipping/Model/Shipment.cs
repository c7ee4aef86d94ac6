namespace Ecommerce.Shipping.Model;

/// <summary>
/// A shipment, stored once at creation and never rewritten: its status is computed (see
/// <see cref="CarrierSchedule"/>), its cancellation and the scan's progress are documents of their own,
/// so no two writers ever need to change the same document (the store has no ETags).
/// </summary>
public sealed record Shipment(
    string OrderId,
    string ShipmentId,
    string TrackingNumber,
    ShippingMethod Method,
    ShippingAddress Address,
    IReadOnlyList<ShipmentLine> Lines,
    int WeightGrams,
    decimal Price,
    string Currency,
    DateOnly EstimatedDelivery,
    DateTimeOffset CreatedAt)
{
    /// <summary>Whether a create request asks for this very shipment (a retry) rather than another one for the same order.</summary>
    public bool Matches(ShippingMethod method, ShippingAddress address, IReadOnlyList<ShipmentLine> lines) =>
        Method == method && Address.SameAs(address) && Lines.SequenceEqual(lines);
}
