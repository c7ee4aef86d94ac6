namespace Ecommerce.Cart.Infrastructure;

/// <summary>What catalog's <c>GET /api/catalog/skus/{sku}</c> answers (the fields the cart uses).</summary>
public sealed record CatalogSku(string Sku, string ProductId, string ProductName, string? CategoryId, string Status)
{
    /// <summary>Only an active product can be bought; draft and archived ones cannot.</summary>
    public bool IsSellable => string.Equals(Status, "active", StringComparison.OrdinalIgnoreCase);
}
