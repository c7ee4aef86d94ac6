namespace Ecommerce.Cart.Model;

/// <summary>The route of a line or wishlist item: <c>.../{sku}</c>.</summary>
public sealed record LineKey(string Sku);
