using Dapr;
using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Inventory.Actors;
using Ecommerce.Inventory.Extensions;
using Ecommerce.Inventory.Infrastructure;
using Ecommerce.Inventory.Model;
using Ecommerce.ServiceDefaults.Dapr;
using Microsoft.Extensions.Options;

namespace Ecommerce.Inventory.Seeding;

/// <summary>
/// Demo stock for the seeded catalog (<c>Inventory:ImportCatalogStock</c>): once per store, waits
/// for catalog (through the own sidecar's service invocation), ensures the warehouse
/// <see cref="WarehouseId"/>, and gives every catalog SKU that was never adjusted
/// <see cref="DemoStock.QuantityFor"/> units through the SKU actor — the admin adjustment path, so
/// <c>inventory.stock-changed</c> is announced. A marker key makes restarts do nothing. It retries
/// with backoff and never stops the host.
/// </summary>
public sealed partial class CatalogStockImport(
    IOptions<InventoryOptions> options,
    IConfiguration configuration,
    DaprClient dapr,
    IWarehouseStore warehouses,
    IInventoryItems items,
    TimeProvider time,
    ILogger<CatalogStockImport> logger) : BackgroundService
{
    public const string MarkerKey = "import|catalog-stock";
    public const string WarehouseId = "main";
    public const string Note = "initial import";
    public const string AdjustedBy = "catalog import";
    private const int PageSize = 100;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ImportCatalogStock)
        {
            return;
        }
        await Task.Yield();
        try
        {
            if (await RetryAsync("the marker", async ct => await dapr.GetStateAsync<string?>(Components.InventoryStore, MarkerKey, cancellationToken: ct), stoppingToken) is not null)
            {
                LogAlreadyDone(logger);
                return;
            }
            using var catalog = DaprClient.CreateInvokeHttpClient(
                AppIds.Catalog,
                DaprSidecar.HttpEndpoint(configuration).ToString(),
                configuration["DAPR_API_TOKEN"] is { Length: > 0 } token ? token : null);
            var imported = await ImportAsync(catalog, stoppingToken);
            await RetryAsync("saving the marker", async ct =>
            {
                await dapr.SaveStateAsync(Components.InventoryStore, MarkerKey, time.GetUtcNow().ToString("O"), cancellationToken: ct);
                return true;
            }, stoppingToken);
            LogDone(logger, imported);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the next start imports what is still missing.
        }
#pragma warning disable CA1031 // A demo import must never stop the service.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogFailed(logger, error);
        }
    }

    /// <summary>Imports from <paramref name="catalog"/> (a client whose base address is catalog); answers how many SKUs got units.</summary>
    public async Task<int> ImportAsync(HttpClient catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        await RetryAsync("the warehouse", async ct =>
            await warehouses.GetAsync(WarehouseId, ct) ?? (await warehouses.SaveAsync(WarehouseId, "Main warehouse", time.GetUtcNow(), ct))?.Warehouse
            ?? throw new InvalidOperationException("The warehouse could not be saved."), cancellationToken);

        LogWaitingForCatalog(logger);
        var imported = 0;
        var total = int.MaxValue;
        for (var page = 1; (page - 1) * PageSize < total; page++)
        {
            var current = await RetryAsync("catalog", ct => GetAsync<ProductPage>(catalog, $"api/catalog/products?page={page}&pageSize={PageSize}", ct), cancellationToken);
            if (page == 1)
            {
                LogImporting(logger, current.TotalCount);
            }
            total = current.TotalCount;
            if (current.Items is not { Count: > 0 })
            {
                break;
            }
            foreach (var product in current.Items)
            {
                var detail = await RetryAsync("catalog", ct => GetAsync<ProductDetail>(catalog, $"api/catalog/products/{Uri.EscapeDataString(product.Id)}", ct), cancellationToken);
                foreach (var variant in detail.Variants ?? [])
                {
                    if (await ImportSkuAsync(variant.Sku, cancellationToken))
                    {
                        imported++;
                    }
                }
            }
        }
        return imported;
    }

    private async Task<bool> ImportSkuAsync(string? sku, CancellationToken cancellationToken)
    {
        if (sku is null || !Sku.IsValid(sku))
        {
            return false;
        }
        var quantity = DemoStock.QuantityFor(sku);
        if (quantity == 0)
        {
            return false;
        }
        var stock = await RetryAsync("the SKU actors", ct => items.GetStockAsync(sku, ct), cancellationToken);
        if (stock.Adjustments > 0 || stock.OnHand > 0)
        {
            return false;
        }
        var outcome = await RetryAsync("the SKU actors", ct => items.AdjustAsync(
            sku, new AdjustCommand(WarehouseId, quantity, AdjustmentReason.Received, Note, AdjustedBy), ct), cancellationToken);
        return outcome.Applied is not null;
    }

    private static async Task<T> GetAsync<T>(HttpClient catalog, string path, CancellationToken cancellationToken)
    {
        using var response = await catalog.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(JsonConventions.Options, cancellationToken)
            ?? throw new InvalidOperationException($"Catalog answered no body for {path}.");
    }

    private readonly HashSet<string> _waitedFor = [];

    private async Task<T> RetryAsync<T>(string phase, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                return await action(cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException or DaprException or InvalidOperationException or System.Text.Json.JsonException
                || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested)
                || error.GetType().Namespace?.StartsWith("Dapr", StringComparison.Ordinal) == true)
            {
                if (_waitedFor.Add(phase))
                {
                    LogWaiting(logger, phase, error.Message);
                }
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private sealed record ProductPage(IReadOnlyList<ProductSummary>? Items, int TotalCount);

    private sealed record ProductSummary(string Id);

    private sealed record ProductDetail(IReadOnlyList<Variant>? Variants);

    private sealed record Variant(string? Sku);

    [LoggerMessage(LogLevel.Information, "Catalog stock import: already done (marker present), nothing to do")]
    private static partial void LogAlreadyDone(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Catalog stock import: warehouse ready, reading the catalog")]
    private static partial void LogWaitingForCatalog(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Catalog stock import: importing stock for {Products} products")]
    private static partial void LogImporting(ILogger logger, int products);

    [LoggerMessage(LogLevel.Information, "Catalog stock import: waiting for {Phase} ({Reason}); retrying with backoff")]
    private static partial void LogWaiting(ILogger logger, string phase, string reason);

    [LoggerMessage(LogLevel.Information, "Catalog stock import: done, {Skus} SKUs got stock")]
    private static partial void LogDone(ILogger logger, int skus);

    [LoggerMessage(LogLevel.Warning, "Catalog stock import: gave up")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
