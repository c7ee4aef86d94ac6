namespace Ecommerce.Cart.Model;

/// <summary>
/// A SKU in a cart and how many. The product name and category come from the catalog when the line
/// is added (the category is what pricing's category discounts need); a line never holds a price:
/// prices are always asked of pricing.
/// </summary>
public sealed record CartLine(string Sku, int Quantity, string ProductId, string ProductName, string? CategoryId, DateTimeOffset AddedAt);
