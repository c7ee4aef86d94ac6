namespace Ecommerce.Cart.Model;

/// <summary>A wishlist with each item's current unit price (null when the SKU has no price in the currency) and availability.</summary>
public sealed record WishlistView(string CustomerId, string Currency, IReadOnlyList<WishlistItemView> Items);

public sealed record WishlistItemView(string Sku, string ProductId, string ProductName, decimal? UnitPrice, int Available, bool InStock, DateTimeOffset AddedAt);
