namespace Ecommerce.Shipping.Model;

/// <summary>How far a parcel goes from the warehouse's country (in JSON: <c>domestic</c>, <c>eu</c>, <c>restOfWorld</c>).</summary>
public enum ShippingZone
{
    Domestic,
    Eu,
    RestOfWorld,
}
