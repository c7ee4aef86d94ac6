using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Infrastructure;

/// <summary>
/// The prices and stock of SKUs as pricing and inventory announced them, kept in state so a
/// restarted replica does not lose them. Every write keeps the highest revision, so replayed or
/// reordered events change nothing.
/// </summary>
public interface ISkuFactsStore
{
    /// <summary>Records a price and returns the SKU's prices after it (unchanged when the price was older).</summary>
    Task<SkuPrices> SavePriceAsync(string sku, string currency, SkuPrice price, CancellationToken cancellationToken);

    /// <summary>Records stock and returns what is kept (the stored one when <paramref name="stock"/> was older).</summary>
    Task<SkuStock> SaveStockAsync(string sku, SkuStock stock, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, SkuPrices>> GetPricesAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, SkuStock>> GetStockAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken);
}
