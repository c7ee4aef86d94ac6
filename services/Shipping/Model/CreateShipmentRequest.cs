namespace Ecommerce.Shipping.Model;

/// <summary>The checkout saga's request: ship these lines of this order by this method to this address.</summary>
public sealed record CreateShipmentRequest(string OrderId, ShippingMethod Method, ShippingAddress Address, IReadOnlyList<ShipmentLine> Lines);
