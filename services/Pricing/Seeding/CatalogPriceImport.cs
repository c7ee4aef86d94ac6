using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Pricing.Infrastructure;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Pricing.Seeding;

/// <summary>
/// Gives the catalog's seeded products demo prices in EUR (<see cref="DemoPrice"/>), once, when
/// <c>Pricing:ImportCatalogPrices</c> is true. It reads the catalog through service invocation via
/// this app's sidecar, waiting with backoff while the sidecar or the catalog is not ready (the
/// catalog answers 503 while loading), and sets each SKU that has no EUR price yet through
/// <see cref="PriceBook"/>, like an admin would, so <c>pricing.price-changed</c> reaches the catalog.
/// A marker in <c>pricing-store</c> makes later starts skip it. It never stops the host: whatever
/// fails is retried later; prices already set are not set again.
/// </summary>
internal sealed partial class CatalogPriceImport(
    IConfiguration configuration,
    IPriceStore prices,
    IImportMarkers markers,
    PriceBook book,
    TimeProvider clock,
    ILogger<CatalogPriceImport> logger) : BackgroundService
{
    public const string Enabled = "Pricing:ImportCatalogPrices";
    public const string MarkerName = "catalog-prices";
    public const string Currency = "EUR";
    public const string ChangedBy = "catalog import";
    private const int PageSize = 100;

    /// <summary>The first wait after a failure, doubled each time up to <see cref="MaxDelay"/>.</summary>
    internal TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    internal TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(Enabled, defaultValue: false))
        {
            return;
        }
        try
        {
            using var catalog = DaprClient.CreateInvokeHttpClient(
                AppIds.Catalog,
                DaprSidecar.HttpEndpoint(configuration).ToString(),
                configuration["DAPR_API_TOKEN"] is { Length: > 0 } token ? token : null);
            catalog.Timeout = TimeSpan.FromSeconds(30);
            await ImportAsync(catalog, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start carries on (prices already set are skipped).
        }
#pragma warning disable CA1031 // Demo data: whatever goes wrong must not stop the service.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogFailed(logger, error);
        }
    }

    /// <summary>
    /// Runs the import to its end (retrying what fails) against <paramref name="catalog"/>, whose base
    /// address is the catalog's root; answers how many prices it set.
    /// </summary>
    internal async Task<int> ImportAsync(HttpClient catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (await RetryAsync("pricing-store", ct => markers.IsDoneAsync(MarkerName, ct), cancellationToken))
        {
            LogAlreadyDone(logger);
            return 0;
        }

        LogWaitingForCatalog(logger);
        var firstPage = await RetryAsync("catalog", ct => GetPageAsync(catalog, 1, ct), cancellationToken);
        var pages = Math.Max(1, (firstPage.TotalCount + PageSize - 1) / PageSize);
        LogImporting(logger, firstPage.TotalCount);

        var set = 0;
        var skus = 0;
        for (var page = 1; page <= pages; page++)
        {
            var number = page;
            var items = page == 1 ? firstPage : await RetryAsync("catalog", ct => GetPageAsync(catalog, number, ct), cancellationToken);
            foreach (var item in items.Items)
            {
                var product = await RetryAsync("catalog", ct => GetProductAsync(catalog, item.Id, ct), cancellationToken);
                if (product is null)
                {
                    continue; // archived or removed since the page was read
                }
                var productSkus = product.Variants.Select(variant => variant.Sku).Distinct(StringComparer.Ordinal).ToList();
                skus += productSkus.Count;
                set += await RetryAsync("pricing-store", ct => PriceAsync(productSkus, ct), cancellationToken);
            }
        }

        await RetryAsync("pricing-store", async ct => { await markers.MarkDoneAsync(MarkerName, clock.GetUtcNow(), ct); return true; }, cancellationToken);
        LogDone(logger, set, skus);
        return set;
    }

    private async Task<int> PriceAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var existing = await prices.GetManyAsync(skus, Currency, cancellationToken);
        var set = 0;
        foreach (var sku in skus.Where(sku => !existing.ContainsKey(sku)))
        {
            var result = await book.SetAsync(sku, Currency, DemoPrice.For(sku), expectedETag: null, ChangedBy, cancellationToken);
            if (result.Outcome == SetPriceOutcome.Created)
            {
                set++;
            }
        }
        return set;
    }

    private static async Task<ProductPage> GetPageAsync(HttpClient catalog, int page, CancellationToken cancellationToken)
    {
        using var response = await catalog.GetAsync($"api/catalog/products?page={page}&pageSize={PageSize}", cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ProductPage>(JsonConventions.Options, cancellationToken)
            ?? throw new InvalidOperationException("The catalog answered an empty page.");
    }

    private static async Task<Product?> GetProductAsync(HttpClient catalog, string id, CancellationToken cancellationToken)
    {
        using var response = await catalog.GetAsync($"api/catalog/products/{Uri.EscapeDataString(id)}", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Product>(JsonConventions.Options, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="action"/> until it succeeds, waiting longer after each failure; says once
    /// (per phase of this run) that it is waiting, the rest at Debug.
    /// </summary>
    private async Task<T> RetryAsync<T>(string phase, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var delay = FirstDelay;
        var told = false;
        while (true)
        {
            try
            {
                return await action(cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (!told)
                {
                    LogWaiting(logger, phase, error.Message);
                    told = true;
                }
                else
                {
                    LogStillWaiting(logger, phase, error.Message);
                }
            }
            await Task.Delay(delay, clock, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog price import failed; the next start tries again")]
    private static partial void LogFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog price import: already done, skipping")]
    private static partial void LogAlreadyDone(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog price import: waiting for the catalog")]
    private static partial void LogWaitingForCatalog(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog price import: importing prices for {ProductCount} products")]
    private static partial void LogImporting(ILogger logger, int productCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog price import: done, {PriceCount} prices set for {SkuCount} SKUs")]
    private static partial void LogDone(ILogger logger, int priceCount, int skuCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog price import: {Phase} not available yet ({Reason}), retrying with backoff")]
    private static partial void LogWaiting(ILogger logger, string phase, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Catalog price import: {Phase} still not available ({Reason})")]
    private static partial void LogStillWaiting(ILogger logger, string phase, string reason);

    private sealed record ProductPage(IReadOnlyList<ProductItem> Items, int TotalCount);

    private sealed record ProductItem(string Id);

    private sealed record Product(string Id, string? CategoryId, IReadOnlyList<Variant> Variants);

    private sealed record Variant(string Sku);
}
