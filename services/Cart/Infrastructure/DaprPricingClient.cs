using System.Net;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.Errors;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>Pricing through service invocation (<c>POST /api/pricing/quotes</c>); its 422 names the unpriced SKUs in <c>skus</c>.</summary>
internal sealed class DaprPricingClient(ServiceInvoker invoker) : IPricingClient
{
    public async Task<QuoteOutcome> QuoteAsync(PricingQuoteRequest request, CancellationToken cancellationToken)
    {
        using var response = await invoker.PostAsync(AppIds.Pricing, "api/pricing/quotes", request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var skus = problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("skus", out var named) && named.ValueKind == JsonValueKind.Array
                ? named.EnumerateArray().Select(sku => sku.GetString() ?? "").Where(sku => sku.Length > 0).ToList()
                : [];
            if (skus.Count == 0)
            {
                throw new DependencyUnavailableException(AppIds.Pricing, "a 422 that names no SKU");
            }
            return new QuoteOutcome(null, skus);
        }
        return new QuoteOutcome(await ServiceInvoker.ReadAsync<PricingQuote>(AppIds.Pricing, response, cancellationToken), []);
    }
}
