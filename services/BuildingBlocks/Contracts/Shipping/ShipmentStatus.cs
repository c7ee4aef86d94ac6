namespace Ecommerce.Contracts.Shipping;

/// <summary>
/// Where a shipment is. The simulated carrier moves it through the first five in this order;
/// <see cref="Cancelled"/> ends it before pickup. The order of the members is the order of the steps.
/// </summary>
public enum ShipmentStatus
{
    LabelCreated,
    PickedUp,
    InTransit,
    OutForDelivery,
    Delivered,
    Cancelled,
}
