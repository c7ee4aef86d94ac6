using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Pricing.Apis;

public static class DiscountsApi
{
    private const string Route = "/api/pricing/discounts";

    public static IEndpointRouteBuilder MapDiscountsApi(this IEndpointRouteBuilder app)
    {
        var discounts = app.MapGroup(Route)
            .WithTags("Discounts")
            .WithRequestValidation();

        discounts.MapGet("/", (IDefinitionStore<Discount> store, CancellationToken cancellationToken) =>
                DefinitionEndpoints.ListAsync(store, cancellationToken))
            .WithName("ListDiscounts")
            .WithSummary("List the automatic discounts")
            .WithDescription("Every discount, active or not, ordered by id. Support and admins.")
            .RequireAuthorization(Policies.Support);

        discounts.MapGet("/{id}", (string id, IDefinitionStore<Discount> store, HttpContext http, CancellationToken cancellationToken) =>
                DefinitionEndpoints.GetAsync(id, store, http, cancellationToken))
            .WithName("GetDiscount")
            .WithSummary("Get a discount")
            .WithDescription("The ETag header is the version to send back in If-Match when replacing or deleting it. Support and admins.")
            .RequireAuthorization(Policies.Support);

        discounts.MapPost("/", (DiscountRequest request, IDefinitionStore<Discount> store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
            {
                var now = clock.GetUtcNow();
                return DefinitionEndpoints.CreateAsync(request.ToDiscount(Discount.NewId(now), now), "discount", Route, store, http, cancellationToken);
            })
            .WithName("CreateDiscount")
            .WithSummary("Create an automatic discount")
            .WithDescription("Percent or fixed (per unit for SKU/category scope, once for the cart), with a date window, a minimum quantity and bulk tiers. Applied to every quote it fits; automatic discounts do not stack with each other (the largest wins per line, and per cart). Admin.")
            .RequireAuthorization(Policies.Admin);

        discounts.MapPut("/{id}", (string id, DiscountRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
                IDefinitionStore<Discount> store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                DefinitionEndpoints.ReplaceAsync(request.ToDiscount(id, clock.GetUtcNow()), ifMatch, store, http, cancellationToken))
            .WithName("ReplaceDiscount")
            .WithSummary("Replace a discount")
            .WithDescription("If-Match with the discount's ETag is required (428 without it, 412 when it is not the current version). Admin.")
            .RequireAuthorization(Policies.Admin);

        discounts.MapDelete("/{id}", (string id, [FromHeader(Name = "If-Match")] string? ifMatch, IDefinitionStore<Discount> store, CancellationToken cancellationToken) =>
                DefinitionEndpoints.DeleteAsync(id, ifMatch, store, cancellationToken))
            .WithName("DeleteDiscount")
            .WithSummary("Delete a discount")
            .WithDescription("If-Match with the discount's ETag is required. Admin.")
            .RequireAuthorization(Policies.Admin);

        return app;
    }
}
