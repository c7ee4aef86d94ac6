namespace Ecommerce.Shipping.Model;

/// <summary>What a storefront asks before checkout: where the parcel goes and what is in it.</summary>
public sealed record ShippingOptionsRequest(string Country, string PostalCode, IReadOnlyList<ShipmentLine> Lines);
