using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Pricing.Apis;

public static class PromotionsApi
{
    private const string Route = "/api/pricing/promotions";

    public static IEndpointRouteBuilder MapPromotionsApi(this IEndpointRouteBuilder app)
    {
        var promotions = app.MapGroup(Route)
            .WithTags("Promotions")
            .WithRequestValidation();

        promotions.MapGet("/", (IDefinitionStore<Promotion> store, CancellationToken cancellationToken) =>
                DefinitionEndpoints.ListAsync(store, cancellationToken))
            .WithName("ListPromotions")
            .WithSummary("List the promotions")
            .WithDescription("Every promotion, active or not, ordered by id. Support and admins.")
            .RequireAuthorization(Policies.Support);

        promotions.MapGet("/{id}", (string id, IDefinitionStore<Promotion> store, HttpContext http, CancellationToken cancellationToken) =>
                DefinitionEndpoints.GetAsync(id, store, http, cancellationToken))
            .WithName("GetPromotion")
            .WithSummary("Get a promotion")
            .WithDescription("The ETag header is the version to send back in If-Match when replacing or deleting it. Support and admins.")
            .RequireAuthorization(Policies.Support);

        promotions.MapPost("/", (PromotionRequest request, IDefinitionStore<Promotion> store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
            {
                var now = clock.GetUtcNow();
                return DefinitionEndpoints.CreateAsync(request.ToPromotion(Promotion.NewId(now), now), "promotion", Route, store, http, cancellationToken);
            })
            .WithName("CreatePromotion")
            .WithSummary("Create a promotion")
            .WithDescription("Buy X get Y (the cheapest units of the targeted SKUs or categories free, or at a percent off) or free shipping once the discounted goods reach a threshold in a currency; active in its date window. Admin.")
            .RequireAuthorization(Policies.Admin);

        promotions.MapPut("/{id}", (string id, PromotionRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
                IDefinitionStore<Promotion> store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                DefinitionEndpoints.ReplaceAsync(request.ToPromotion(id, clock.GetUtcNow()), ifMatch, store, http, cancellationToken))
            .WithName("ReplacePromotion")
            .WithSummary("Replace a promotion")
            .WithDescription("If-Match with the promotion's ETag is required (428 without it, 412 when it is not the current version). Admin.")
            .RequireAuthorization(Policies.Admin);

        promotions.MapDelete("/{id}", (string id, [FromHeader(Name = "If-Match")] string? ifMatch, IDefinitionStore<Promotion> store, CancellationToken cancellationToken) =>
                DefinitionEndpoints.DeleteAsync(id, ifMatch, store, cancellationToken))
            .WithName("DeletePromotion")
            .WithSummary("Delete a promotion")
            .WithDescription("If-Match with the promotion's ETag is required. Admin.")
            .RequireAuthorization(Policies.Admin);

        return app;
    }
}
