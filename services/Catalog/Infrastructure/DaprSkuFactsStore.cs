using Dapr.Client;
using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Infrastructure;

/// <summary>
/// Prices (<c>sku-prices|{sku}</c>) and stock (<c>sku-stock|{sku}</c>) under separate keys, so the
/// price and stock consumers never contend for one document.
/// </summary>
internal sealed class DaprSkuFactsStore(DaprClient dapr) : ISkuFactsStore
{
    public Task<SkuPrices> SavePriceAsync(string sku, string currency, SkuPrice price, CancellationToken cancellationToken) =>
        dapr.UpdateAsync<SkuPrices>(
            StateKeys.SkuPrices(sku),
            prices => (prices ?? SkuPrices.None).With(currency, price),
            cancellationToken);

    public Task<SkuStock> SaveStockAsync(string sku, SkuStock stock, CancellationToken cancellationToken) =>
        dapr.UpdateAsync<SkuStock>(
            StateKeys.SkuStock(sku),
            known => known is not null && known.Revision >= stock.Revision ? known : stock,
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, SkuPrices>> GetPricesAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var found = await dapr.GetManyAsync<SkuPrices>(skus.Select(StateKeys.SkuPrices), cancellationToken);
        return skus.Where(sku => found.ContainsKey(StateKeys.SkuPrices(sku))).Distinct().ToDictionary(sku => sku, sku => found[StateKeys.SkuPrices(sku)]);
    }

    public async Task<IReadOnlyDictionary<string, SkuStock>> GetStockAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var found = await dapr.GetManyAsync<SkuStock>(skus.Select(StateKeys.SkuStock), cancellationToken);
        return skus.Where(sku => found.ContainsKey(StateKeys.SkuStock(sku))).Distinct().ToDictionary(sku => sku, sku => found[StateKeys.SkuStock(sku)]);
    }
}
