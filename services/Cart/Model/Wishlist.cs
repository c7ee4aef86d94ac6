namespace Ecommerce.Cart.Model;

/// <summary>A customer's wishlist: SKUs with their product, newest last. No quantities, no prices (those are read when listing).</summary>
public sealed record Wishlist(string CustomerId, IReadOnlyList<WishlistItem> Items)
{
    public bool Contains(string sku) => Items.Any(item => string.Equals(item.Sku, sku, StringComparison.OrdinalIgnoreCase));

    public Wishlist Without(string sku) => this with { Items = [.. Items.Where(item => !string.Equals(item.Sku, sku, StringComparison.OrdinalIgnoreCase))] };
}

public sealed record WishlistItem(string Sku, string ProductId, string ProductName, string? CategoryId, DateTimeOffset AddedAt);
