using Ecommerce.Catalog.Model;
using Ecommerce.Catalog.ReadModel;
using Ecommerce.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Catalog.Apis;

/// <summary>SKU lookups for the services that hold SKUs rather than products (cart, wishlist, ordering), through service invocation.</summary>
public static class SkusApi
{
    public static IEndpointRouteBuilder MapSkusApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/catalog/skus")
            .WithTags("SKUs")
            .MapGet("/{sku}", GetSku)
            .WithName("GetSku")
            .WithSummary("What a SKU is")
            .WithDescription("Its product, the product's status (only active products can be sold), the variant's options and weight, and the product's first image. " +
                "Drafts are found only by admins; archived products are found, so that a cart can say the item is no longer sold.")
            .AllowAnonymous();
        return app;
    }

    public static Results<Ok<SkuDetails>, NotFound, ProblemHttpResult> GetSku(string sku, CatalogReadModel readModel, HttpContext http)
    {
        if (!readModel.IsLoaded)
        {
            return CatalogProblems.StillLoading(http);
        }
        var found = readModel.FindSku(sku);
        return found is null || (found.Status == ProductStatus.Draft && !http.User.IsInRole(Roles.Admin))
            ? TypedResults.NotFound()
            : TypedResults.Ok(found);
    }
}
