using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.IntegrationEvents.Events;
using Ecommerce.Catalog.Model;
using Ecommerce.Catalog.ReadModel;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Catalog;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Http;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Catalog.Apis;

public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/catalog/products")
            .WithTags("Products")
            .WithRequestValidation();

        products.MapGet("/", ListProducts)
            .WithName("ListProducts")
            .WithSummary("List and search products")
            .WithDescription("Active products, filtered (category with its descendants, brands, price range in a currency, attributes and variant options as name:value, in stock), " +
                "searched (q: word prefixes, one typo allowed from four letters, best match first), sorted and paged, with brand and category counts of the whole result. " +
                "Prices and stock are as pricing and inventory last announced them.")
            .AllowAnonymous();

        products.MapGet("/{id}", GetProduct)
            .WithName("GetProduct")
            .WithSummary("Get a product")
            .WithDescription("Anyone may read an active or archived product; drafts only admins. The ETag header is the version to send back in If-Match when updating it.")
            .AllowAnonymous();

        products.MapPost("/", CreateProduct)
            .WithName("CreateProduct")
            .WithSummary("Create a product")
            .WithDescription("Back office. The slug is made from the name unless given; it must be unique. Announces catalog.product-changed.")
            .RequireAuthorization(Policies.Admin);

        products.MapPut("/{id}", UpdateProduct)
            .WithName("UpdateProduct")
            .WithSummary("Replace a product")
            .WithDescription("Back office. Needs If-Match with the ETag read (428 without it, 412 when the product changed since). Announces catalog.product-changed.")
            .RequireAuthorization(Policies.Admin);

        products.MapPost("/{id}/archive", ArchiveProduct)
            .WithName("ArchiveProduct")
            .WithSummary("Archive a product")
            .WithDescription("Back office. Takes the product out of listings; it stays readable for past orders. Needs If-Match like an update. Announces catalog.product-changed.")
            .RequireAuthorization(Policies.Admin);

        return app;
    }

    public static Results<Ok<ProductPage>, ProblemHttpResult> ListProducts(
        [AsParameters] ProductQuery query, CatalogReadModel readModel, HttpContext http) =>
        readModel.IsLoaded ? TypedResults.Ok(readModel.Query(query)) : CatalogProblems.StillLoading(http);

    public static async Task<Results<Ok<Product>, NotFound>> GetProduct(
        string id, IProductStore store, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(id, cancellationToken);
        if (found is null || (found.Product.Status == ProductStatus.Draft && !http.User.IsInRole(Roles.Admin)))
        {
            return TypedResults.NotFound();
        }

        EntityTags.Set(http, found.ETag);
        return TypedResults.Ok(found.Product);
    }

    public static async Task<Results<Created<Product>, ValidationProblem, ProblemHttpResult>> CreateProduct(
        CreateProductRequest request,
        IProductStore store,
        ICategoryStore categories,
        CatalogReadModel readModel,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!await CategoryLookup.ExistsAsync(request.CategoryId, readModel, categories, cancellationToken))
        {
            return CatalogProblems.UnknownCategory("categoryId", request.CategoryId);
        }

        var now = clock.GetUtcNow();
        var product = new Product(
            Id: Guid.CreateVersion7(now).ToString("N"),
            Name: request.Name.Trim(),
            Slug: request.Slug ?? Slugs.FromName(request.Name),
            Description: request.Description.Trim(),
            Brand: request.Brand.Trim(),
            CategoryId: request.CategoryId,
            Attributes: request.Attributes ?? new Dictionary<string, string>(),
            Variants: request.Variants ?? [],
            Media: request.Media ?? [],
            Status: request.Status,
            Revision: 1,
            CreatedAt: now,
            UpdatedAt: now);

        var created = await store.CreateAsync(product, ProductChangedV2.Of(product, ProductChangeKind.Created, now), cancellationToken);
        if (created is null)
        {
            return CatalogProblems.SlugTaken(product.Slug);
        }

        readModel.Apply(created.Product);
        EntityTags.Set(http, created.ETag);
        return TypedResults.Created($"/api/catalog/products/{created.Product.Id}", created.Product);
    }

    public static async Task<Results<Ok<Product>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateProduct(
        string id,
        UpdateProductRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        IProductStore store,
        ICategoryStore categories,
        CatalogReadModel readModel,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!await CategoryLookup.ExistsAsync(request.CategoryId, readModel, categories, cancellationToken))
        {
            return CatalogProblems.UnknownCategory("categoryId", request.CategoryId);
        }

        return await ChangeAsync(id, ifMatch, store, readModel, clock, http, ProductChangeKind.Updated, current => current with
        {
            Name = request.Name.Trim(),
            Slug = request.Slug ?? current.Slug,
            Description = request.Description.Trim(),
            Brand = request.Brand.Trim(),
            CategoryId = request.CategoryId,
            Attributes = request.Attributes ?? new Dictionary<string, string>(),
            Variants = request.Variants ?? [],
            Media = request.Media ?? [],
            Status = request.Status,
        }, cancellationToken);
    }

    public static Task<Results<Ok<Product>, NotFound, ValidationProblem, ProblemHttpResult>> ArchiveProduct(
        string id,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        IProductStore store,
        CatalogReadModel readModel,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, ifMatch, store, readModel, clock, http, ProductChangeKind.Archived,
            current => current with { Status = ProductStatus.Archived }, cancellationToken);

    /// <summary>The one way a stored product changes: over the version the caller read, one revision up, announced.</summary>
    private static async Task<Results<Ok<Product>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string id,
        string? ifMatch,
        IProductStore store,
        CatalogReadModel readModel,
        TimeProvider clock,
        HttpContext http,
        ProductChangeKind kind,
        Func<Product, Product> change,
        CancellationToken cancellationToken)
    {
        if (EntityTags.FromIfMatch(ifMatch) is not { } etag)
        {
            return CatalogProblems.IfMatchRequired();
        }
        var found = await store.GetAsync(id, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        if (found.ETag != etag)
        {
            return CatalogProblems.Stale();
        }

        var now = clock.GetUtcNow();
        var changed = change(found.Product) with { Revision = found.Product.Revision + 1, UpdatedAt = now };
        var result = await store.UpdateAsync(changed, etag, ProductChangedV2.Of(changed, kind, now), cancellationToken);
        switch (result.Outcome)
        {
            case ProductUpdateOutcome.Stale:
                return CatalogProblems.Stale();
            case ProductUpdateOutcome.SlugTaken:
                return CatalogProblems.SlugTaken(changed.Slug);
            default:
                var stored = result.Product!;
                readModel.Apply(stored.Product);
                EntityTags.Set(http, stored.ETag);
                return TypedResults.Ok(stored.Product);
        }
    }
}
