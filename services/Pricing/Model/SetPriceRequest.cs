namespace Ecommerce.Pricing.Model;

/// <summary>
/// An admin's new price for a SKU in a currency (the route says which). The compare-at price is the
/// "was" price shown struck through; when given it must be above the price.
/// </summary>
public sealed record SetPriceRequest(decimal Price, decimal? CompareAtPrice = null);
