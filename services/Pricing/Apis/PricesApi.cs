using System.Security.Claims;
using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Quoting;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Http;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Pricing.Apis;

public static class PricesApi
{
    public static IEndpointRouteBuilder MapPricesApi(this IEndpointRouteBuilder app)
    {
        var prices = app.MapGroup("/api/pricing/prices")
            .WithTags("Prices")
            .WithRequestValidation();

        prices.MapGet("/{sku}/{currency}", GetPrice)
            .WithName("GetPrice")
            .WithSummary("Get a SKU's price in a currency")
            .WithDescription("Anyone may read a price. The ETag header is its version, for If-Match when setting it.")
            .AllowAnonymous();

        prices.MapGet("/{sku}/{currency}/history", GetPriceHistory)
            .WithName("GetPriceHistory")
            .WithSummary("Get a price's history")
            .WithDescription("Every change of the SKU's price in the currency, oldest first, with when and by whom. Support and admins.")
            .RequireAuthorization(Policies.Support);

        prices.MapPut("/{sku}/{currency}", SetPrice)
            .WithName("SetPrice")
            .WithSummary("Set a SKU's price in a currency")
            .WithDescription("Creates the price (201) or changes it (200), records the change in its history and announces pricing.price-changed, all in one transaction. Setting the same amounts again changes and announces nothing. If-Match is optional: with it, the change applies only to that version (412 otherwise); without it, a change made by someone else at the same moment is a 409. Admin.")
            .RequireAuthorization(Policies.Admin);

        return app;
    }

    public static async Task<Results<Ok<PriceView>, NotFound>> GetPrice(
        [AsParameters] PriceKey key, IPriceStore store, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(key.Sku, key.Currency, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        EntityTags.Set(http, found.ETag);
        return TypedResults.Ok(found.Value.ToView());
    }

    public static async Task<Results<Ok<PriceHistory>, NotFound>> GetPriceHistory(
        [AsParameters] PriceKey key, IPriceStore store, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(key.Sku, key.Currency, cancellationToken);
        return found is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new PriceHistory(key.Sku, key.Currency, found.Value.History));
    }

    public static async Task<Results<Created<PriceView>, Ok<PriceView>, ProblemHttpResult, ValidationProblem>> SetPrice(
        [AsParameters] PriceKey key,
        SetPriceRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        PriceBook book,
        ClaimsPrincipal user,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!Currencies.IsWholeMinorUnits(request.Price, key.Currency))
        {
            return Problems.Field("price", $"More decimals than {key.Currency} has ({Currencies.MinorUnits(key.Currency)}).");
        }
        if (request.CompareAtPrice is { } compareAt && !Currencies.IsWholeMinorUnits(compareAt, key.Currency))
        {
            return Problems.Field("compareAtPrice", $"More decimals than {key.Currency} has ({Currencies.MinorUnits(key.Currency)}).");
        }

        var result = await book.SetAsync(key.Sku, key.Currency, request, EntityTags.FromIfMatch(ifMatch), user.Identity?.Name ?? "unknown", cancellationToken);
        switch (result)
        {
            case { Outcome: SetPriceOutcome.VersionMismatch }:
                return Problems.VersionMismatch();
            case { Outcome: SetPriceOutcome.ConcurrentChange }:
                return Problems.ConcurrentChange();
            case { Outcome: SetPriceOutcome.Created, Stored: { } created }:
                EntityTags.Set(http, created.ETag);
                return TypedResults.Created($"/api/pricing/prices/{key.Sku}/{key.Currency}", created.Value.ToView());
            case { Stored: { } stored }:
                EntityTags.Set(http, stored.ETag);
                return TypedResults.Ok(stored.Value.ToView());
            default:
                throw new InvalidOperationException($"Setting the price of '{key.Sku}' in {key.Currency} ended as {result.Outcome} without a stored price.");
        }
    }
}
