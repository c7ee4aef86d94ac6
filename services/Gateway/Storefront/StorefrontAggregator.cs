using System.Net;
using Ecommerce.Contracts;
using Ecommerce.Gateway.Resilience;
using Ecommerce.Gateway.Sidecar;
using Microsoft.Extensions.Options;

namespace Ecommerce.Gateway.Storefront;

/// <summary>
/// Builds a product page from three services: catalog first (it says which SKUs there are), then
/// pricing and inventory at the same time. Catalog is required; pricing and inventory are not: each
/// has <see cref="StorefrontOptions.PartTimeout"/>, and one that fails or is late is left out.
/// </summary>
public sealed partial class StorefrontAggregator(SidecarClient sidecar, IOptions<StorefrontOptions> options, ILogger<StorefrontAggregator> logger)
{
    public const string PricingPart = AppIds.Pricing;
    public const string InventoryPart = AppIds.Inventory;

    private TimeSpan PartTimeout => options.Value.PartTimeout;

    /// <returns>The page; null when catalog has no such product (or hides it from this caller).</returns>
    /// <exception cref="DownstreamUnavailableException">Catalog did not answer.</exception>
    public async Task<StorefrontProductView?> GetProductAsync(string id, string currency, HttpContext caller, CancellationToken cancellationToken)
    {
        var product = await GetCatalogProductAsync(id, caller, cancellationToken);
        if (product is null)
        {
            return null;
        }

        var skus = (product.Variants ?? []).Select(variant => variant.Sku).Distinct(StringComparer.Ordinal).ToList();
        var prices = QuoteAsync(skus, product.CategoryId, currency, caller, cancellationToken);
        var availability = AvailabilityAsync(skus, caller, cancellationToken);
        await Task.WhenAll(prices, availability);

        var missing = new List<string>();
        if (prices.Result is null)
        {
            missing.Add(PricingPart);
        }
        if (availability.Result is null)
        {
            missing.Add(InventoryPart);
        }
        return new StorefrontProductView(ToView(product), currency, prices.Result, availability.Result, missing);
    }

    private async Task<CatalogProduct?> GetCatalogProductAsync(string id, HttpContext caller, CancellationToken cancellationToken)
    {
        using var response = await sidecar.SendAsync(AppIds.Catalog, HttpMethod.Get, $"api/catalog/products/{Uri.EscapeDataString(id)}", null, caller, PartTimeout, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new DownstreamUnavailableException(AppIds.Catalog, $"it answered {(int)response.StatusCode}");
        }
        return await response.Content.ReadFromJsonAsync<CatalogProduct>(JsonConventions.Options, cancellationToken)
            ?? throw new DownstreamUnavailableException(AppIds.Catalog, "it answered an empty product");
    }

    /// <summary>
    /// One quote with each SKU once, in the product's category (category discounts apply): the price
    /// this shopper pays. Pricing refuses the whole quote (422) when some SKUs have no price in the
    /// currency; those are left out and the rest quoted again.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, StorefrontPrice>?> QuoteAsync(
        List<string> skus, string categoryId, string currency, HttpContext caller, CancellationToken cancellationToken)
    {
        var prices = new Dictionary<string, StorefrontPrice>(StringComparer.Ordinal);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(PartTimeout);
            var toQuote = skus;
            while (toQuote.Count > 0)
            {
                var request = new QuoteRequest(currency, toQuote.Select(sku => new QuoteRequestLine(sku, 1, categoryId)).ToList());
                using var response = await sidecar.SendAsync(
                    AppIds.Pricing, HttpMethod.Post, "api/pricing/quotes", JsonContent.Create(request, options: JsonConventions.Options), caller, PartTimeout, deadline.Token);
                if (response.StatusCode == HttpStatusCode.UnprocessableEntity
                    && await response.Content.ReadFromJsonAsync<UnpricedProblem>(JsonConventions.Options, deadline.Token) is { Skus.Count: > 0 } unpriced)
                {
                    var priced = toQuote.Except(unpriced.Skus, StringComparer.Ordinal).ToList();
                    if (priced.Count == toQuote.Count)
                    {
                        LogPartFailed(logger, PricingPart, "a 422 naming none of the SKUs asked for");
                        return null;
                    }
                    toQuote = priced;
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    LogPartFailed(logger, PricingPart, $"it answered {(int)response.StatusCode}");
                    return null;
                }
                var quote = await response.Content.ReadFromJsonAsync<Quote>(JsonConventions.Options, deadline.Token);
                foreach (var line in quote?.Lines ?? [])
                {
                    prices[line.Sku] = new StorefrontPrice(line.Total, line.UnitPrice, line.CompareAtPrice, (line.Discounts ?? []).Select(discount => discount.Reason).ToList());
                }
                break;
            }
            return prices;
        }
        catch (Exception error) when (IsPartFailure(error, cancellationToken))
        {
            LogPartFailed(logger, PricingPart, error.Message);
            return null;
        }
    }

    private async Task<IReadOnlyDictionary<string, int>?> AvailabilityAsync(List<string> skus, HttpContext caller, CancellationToken cancellationToken)
    {
        if (skus.Count == 0)
        {
            return new Dictionary<string, int>();
        }
        try
        {
            using var response = await sidecar.SendAsync(
                AppIds.Inventory, HttpMethod.Post, "api/inventory/availability", JsonContent.Create(new AvailabilityRequest(skus), options: JsonConventions.Options), caller, PartTimeout, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogPartFailed(logger, InventoryPart, $"it answered {(int)response.StatusCode}");
                return null;
            }
            var answer = await response.Content.ReadFromJsonAsync<AvailabilityAnswer>(JsonConventions.Options, cancellationToken);
            return (answer?.Items ?? []).ToDictionary(item => item.Sku, item => item.Available, StringComparer.Ordinal);
        }
        catch (Exception error) when (IsPartFailure(error, cancellationToken))
        {
            LogPartFailed(logger, InventoryPart, error.Message);
            return null;
        }
    }

    /// <summary>Down, late or unreadable: the part is left out. The caller going away is not a part's failure.</summary>
    private static bool IsPartFailure(Exception error, CancellationToken cancellationToken) =>
        error is DownstreamUnavailableException or System.Text.Json.JsonException or HttpRequestException
        || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static StorefrontProduct ToView(CatalogProduct product) => new(
        product.Id,
        product.Name,
        product.Slug,
        product.Description,
        product.Brand,
        product.CategoryId,
        product.Attributes ?? [],
        (product.Variants ?? []).Select(variant => new StorefrontVariant(variant.Sku, variant.Options ?? [])).ToList(),
        product.Media ?? [],
        product.Status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storefront page without {Part}: {Reason}")]
    private static partial void LogPartFailed(ILogger logger, string part, string reason);
}
