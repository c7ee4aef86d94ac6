namespace Ecommerce.Pricing.Model;

/// <summary>The route of a price: <c>/api/pricing/prices/{sku}/{currency}</c>.</summary>
public sealed record PriceKey(string Sku, string Currency);
