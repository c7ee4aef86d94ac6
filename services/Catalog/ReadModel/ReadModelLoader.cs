using System.Diagnostics;
using Ecommerce.Catalog.Extensions;
using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.Seeding;
using Microsoft.Extensions.Options;

namespace Ecommerce.Catalog.ReadModel;

/// <summary>
/// At start: seeds the store if asked (once per store), then fills the read model from state — the
/// category tree, every product named by the index documents (bulk reads), and the prices and
/// stock of their SKUs — and marks it loaded, which makes the replica ready. Until the sidecar
/// answers it tries again, waiting a little longer each time.
/// </summary>
internal sealed partial class ReadModelLoader(
    CatalogReadModel readModel,
    IProductStore products,
    ICategoryStore categories,
    ISkuFactsStore skuFacts,
    CatalogSeeder seeder,
    IOptions<CatalogOptions> options,
    ILogger<ReadModelLoader> logger) : BackgroundService
{
    private const int ProductBatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await LoadAsync(stoppingToken);
                return;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoadFailed(logger, error, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (options.Value.SeedOnStart)
        {
            await seeder.SeedAsync(cancellationToken);
        }

        readModel.ReplaceCategories(await categories.GetAllAsync(cancellationToken));
        var ids = await products.ListIdsAsync(cancellationToken);
        var skus = new List<string>();
        foreach (var batch in ids.Chunk(ProductBatchSize))
        {
            foreach (var product in await products.GetManyAsync(batch, cancellationToken))
            {
                readModel.Apply(product);
                skus.AddRange(product.Variants?.Select(variant => variant.Sku) ?? []);
            }
        }
        foreach (var (sku, prices) in await skuFacts.GetPricesAsync(skus, cancellationToken))
        {
            readModel.ApplyPrices(sku, prices);
        }
        foreach (var (sku, stock) in await skuFacts.GetStockAsync(skus, cancellationToken))
        {
            readModel.ApplyStock(sku, stock);
        }

        readModel.MarkLoaded();
        LogLoaded(logger, readModel.ProductCount, skus.Count, watch.ElapsedMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the read model failed; trying again in {DelaySeconds} s")]
    private static partial void LogLoadFailed(ILogger logger, Exception error, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read model loaded: {Products} products, {Skus} SKUs in {ElapsedMs} ms")]
    private static partial void LogLoaded(ILogger logger, int products, int skus, long elapsedMs);
}
