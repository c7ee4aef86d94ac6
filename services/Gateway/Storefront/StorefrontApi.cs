using System.Text.RegularExpressions;
using Ecommerce.Contracts;
using Ecommerce.Gateway.Resilience;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ecommerce.Gateway.Storefront;

/// <summary>The gateway's own API: pages put together from several services (aggregation).</summary>
public static partial class StorefrontApi
{
    public const string PartialHeader = "Warning";

    public static IEndpointRouteBuilder MapStorefrontApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/storefront")
            .WithTags("Storefront")
            .MapGet("/products/{id}", GetProduct)
            .WithName("GetStorefrontProduct")
            .WithSummary("A product page: product, prices and availability")
            .WithDescription("""
                Anyone. The product from catalog, each SKU's price in the currency from pricing (the shopper's price,
                automatic discounts included) and its available units from inventory, in one answer. Catalog is
                required (404 when it has no such product, 503 when it does not answer). Pricing and inventory are
                not: one that does not answer within the gateway's per-part timeout is null and named in `missing`,
                and the response carries a `Warning` header saying it is partial.
                """)
            .AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<StorefrontProductView>, ValidationProblem, NotFound, ProblemHttpResult>> GetProduct(
        string id,
        string? currency,
        StorefrontAggregator aggregator,
        IOptions<StorefrontOptions> options,
        IOptions<ResilienceOptions> resilience,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        currency ??= options.Value.DefaultCurrency;
        var errors = new Dictionary<string, string[]>();
        if (!ProductId().IsMatch(id))
        {
            errors["id"] = ["A product id is 1 to 128 letters, digits, '-' or '_'."];
        }
        if (!CurrencyCode().IsMatch(currency))
        {
            errors["currency"] = ["A currency is an ISO 4217 code: three capital letters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        StorefrontProductView? page;
        try
        {
            page = await aggregator.GetProductAsync(id, currency, http, cancellationToken);
        }
        catch (DownstreamUnavailableException error)
        {
            return UnavailableProblem.Result(http.Response, error.AppId, resilience.Value.RetryAfter);
        }
        if (page is null)
        {
            return TypedResults.NotFound();
        }
        if (page.Missing.Count > 0)
        {
            // RFC 9111 retired Warning for caches, but it is still the header clients know for "this answer is incomplete".
            http.Response.Headers[PartialHeader] = $"199 {AppIds.Gateway} \"Partial response: {string.Join(", ", page.Missing)} did not answer\"";
        }
        return TypedResults.Ok(page);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex ProductId();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
