using Ecommerce.Contracts.Shipping;

namespace Ecommerce.Shipping.Model;

/// <summary>A shipment as the ordering service, support and admins see it.</summary>
public sealed record ShipmentView(
    string OrderId,
    string ShipmentId,
    string TrackingNumber,
    ShipmentStatus Status,
    ShippingMethod Method,
    ShippingAddress Address,
    IReadOnlyList<ShipmentLine> Lines,
    int WeightGrams,
    decimal Price,
    string Currency,
    DateOnly EstimatedDelivery,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    string LabelUrl,
    IReadOnlyList<TrackingStep> History)
{
    public static ShipmentView Of(ShipmentRecord record, TimeSpan step, DateTimeOffset now)
    {
        var shipment = record.Shipment;
        var history = CarrierSchedule.History(shipment.CreatedAt, record.CancelledAt, step, now);
        return new ShipmentView(
            shipment.OrderId, shipment.ShipmentId, shipment.TrackingNumber, history[^1].Status, shipment.Method, shipment.Address,
            shipment.Lines, shipment.WeightGrams, shipment.Price, shipment.Currency, shipment.EstimatedDelivery, shipment.CreatedAt,
            history[^1].Status == ShipmentStatus.Cancelled ? record.CancelledAt : null, LabelPath(shipment.ShipmentId), history);
    }

    public static string LabelPath(string shipmentId) => $"/api/shipping/shipments/{shipmentId}/label";
}
