using Ecommerce.Contracts.Shipping;

namespace Ecommerce.Shipping.Model;

/// <summary>What anyone holding the tracking number may see: no address, no order, no contents.</summary>
public sealed record TrackingView(string TrackingNumber, ShipmentStatus Status, ShippingMethod Method, DateOnly EstimatedDelivery, IReadOnlyList<TrackingStep> History)
{
    public static TrackingView Of(ShipmentRecord record, TimeSpan step, DateTimeOffset now)
    {
        var history = CarrierSchedule.History(record.Shipment.CreatedAt, record.CancelledAt, step, now);
        return new TrackingView(record.Shipment.TrackingNumber, history[^1].Status, record.Shipment.Method, record.Shipment.EstimatedDelivery, history);
    }
}
