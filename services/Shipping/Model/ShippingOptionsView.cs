namespace Ecommerce.Shipping.Model;

/// <summary>Every method that can take the parcel there, cheapest first (empty when none can).</summary>
public sealed record ShippingOptionsView(ShippingZone Zone, int WeightGrams, string Currency, IReadOnlyList<ShippingQuote> Options);
