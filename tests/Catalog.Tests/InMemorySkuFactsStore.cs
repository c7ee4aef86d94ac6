using System.Collections.Concurrent;
using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Tests;

/// <summary>Unit-level stand-in for the per-SKU price and stock documents, keeping the highest revision like the real one.</summary>
internal sealed class InMemorySkuFactsStore : ISkuFactsStore
{
    private readonly ConcurrentDictionary<string, SkuPrices> _prices = new();
    private readonly ConcurrentDictionary<string, SkuStock> _stock = new();

    public Task<SkuPrices> SavePriceAsync(string sku, string currency, SkuPrice price, CancellationToken cancellationToken) =>
        Task.FromResult(_prices.AddOrUpdate(sku, _ => SkuPrices.None.With(currency, price), (_, known) => known.With(currency, price)));

    public Task<SkuStock> SaveStockAsync(string sku, SkuStock stock, CancellationToken cancellationToken) =>
        Task.FromResult(_stock.AddOrUpdate(sku, stock, (_, known) => known.Revision >= stock.Revision ? known : stock));

    public Task<IReadOnlyDictionary<string, SkuPrices>> GetPricesAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, SkuPrices>>(skus.Distinct().Where(_prices.ContainsKey).ToDictionary(sku => sku, sku => _prices[sku]));

    public Task<IReadOnlyDictionary<string, SkuStock>> GetStockAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, SkuStock>>(skus.Distinct().Where(_stock.ContainsKey).ToDictionary(sku => sku, sku => _stock[sku]));
}
