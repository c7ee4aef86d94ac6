namespace Ecommerce.Shipping.Infrastructure;

/// <summary>
/// The keys of <c>shipping-store</c>. Order ids are validated to contain no '|'; shipment ids and
/// tracking numbers are derived here. (The sidecar prefixes each key with the app id: <c>shipping||shipment|...</c>.)
/// </summary>
internal static class ShippingStateKeys
{
    /// <summary>The rate table an admin saved (absent: the configured one).</summary>
    public const string Rates = "rates";

    /// <summary>The shipment of an order, written at creation and never rewritten.</summary>
    public static string Shipment(string orderId) => $"shipment|{orderId}";

    /// <summary>When the shipment was cancelled; written only by the cancel endpoint.</summary>
    public static string Cancellation(string orderId) => $"shipment-cancellation|{orderId}";

    /// <summary>The last status announced on shipments.status-changed; written only by the progress scan.</summary>
    public static string Progress(string orderId) => $"shipment-progress|{orderId}";

    /// <summary>Tracking number to order id, for the public tracking page.</summary>
    public static string Tracking(string trackingNumber) => $"tracking|{trackingNumber}";

    /// <summary>The label document of a shipment.</summary>
    public static string Label(string shipmentId) => $"label|{shipmentId}";

    /// <summary>One shard of the active shipments of one replica's index slot.</summary>
    public static string ActiveShipments(int slot, int shard) => $"active-shipments|{slot}|{shard}";
}
