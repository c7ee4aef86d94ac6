namespace Ecommerce.Contracts.Shipping;

/// <summary>
/// Published on <see cref="Topics.ShipmentsStatusChanged"/> for every step a shipment passes (label
/// created, picked up, in transit, out for delivery, delivered, or cancelled), in the order of the
/// steps, with <see cref="IntegrationEvent.OccurredAt"/> the time of the step. A crash between
/// publishing and recording, or two shipping replicas scanning the same shipment, may announce a
/// step twice: consumers deduplicate on (<see cref="ShipmentId"/>, <see cref="Status"/>), not on the event id.
/// </summary>
public sealed record ShipmentStatusChangedV1(string OrderId, string ShipmentId, string TrackingNumber, ShipmentStatus Status) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
