using System.Security.Claims;
using Ecommerce.Contracts;
using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Quoting;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Pricing.Apis;

public static class QuotesApi
{
    public static IEndpointRouteBuilder MapQuotesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/pricing/quotes")
            .WithTags("Quotes")
            .WithRequestValidation()
            .MapPost("/", CreateQuote)
            .WithName("CreateQuote")
            .WithSummary("Price a cart")
            .WithDescription("""
                Prices lines (SKU, quantity, category) from the price book — callers never send prices — with
                automatic discounts, promotions, the coupons entered, shipping and the destination's tax. Each line
                says what it costs, which discounts it got and why, and its tax; totals add up exactly. Amounts are
                rounded to the currency's minor unit, half away from zero, per line. Anyone may ask (the storefront's
                cart); the checkout calls it through service invocation. For a signed-in customer the customer id is
                the token's, whatever the body says. A SKU without a price in the currency is a 422.
                """)
            .AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<Quote>, ProblemHttpResult>> CreateQuote(
        QuoteRequest request, PricingRulesLoader loader, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Customer) && user.Identity?.Name is { Length: > 0 } signedIn)
        {
            request = request with { CustomerId = signedIn };
        }
        var rules = await loader.LoadAsync(request, cancellationToken);
        var unpriced = request.Lines.Select(line => line.Sku).Where(sku => !rules.Prices.ContainsKey(sku)).Distinct().ToList();
        if (unpriced.Count > 0)
        {
            return TypedResults.Problem(
                title: "Some SKUs have no price in this currency.",
                detail: $"No {request.Currency} price for: {string.Join(", ", unpriced)}.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["skus"] = unpriced });
        }
        return TypedResults.Ok(QuoteEngine.Price(request, rules, clock.GetUtcNow()));
    }
}
