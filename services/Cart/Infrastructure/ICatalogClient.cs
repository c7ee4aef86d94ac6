namespace Ecommerce.Cart.Infrastructure;

/// <summary>The catalog, as the cart needs it: does a SKU exist, and is it for sale.</summary>
public interface ICatalogClient
{
    /// <summary>The SKU, or null when the catalog has no such SKU.</summary>
    Task<CatalogSku?> FindSkuAsync(string sku, CancellationToken cancellationToken);
}
