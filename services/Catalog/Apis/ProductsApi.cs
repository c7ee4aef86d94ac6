using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.Model;
using Ecommerce.Contracts.Catalog;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Ecommerce.Catalog.Apis;

public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/catalog/products")
            .WithTags("Products")
            .WithRequestValidation();

        products.MapGet("/{id}", GetProduct)
            .WithName("GetProduct")
            .WithSummary("Get a product")
            .WithDescription("Anyone may read a product. The ETag header is the version to send back in If-Match when updating it.")
            .AllowAnonymous();

        products.MapPost("/", CreateProduct)
            .WithName("CreateProduct")
            .WithSummary("Create a product")
            .WithDescription("Back office. The slug is made from the name unless given; it must be unique. Announces catalog.product-changed.")
            .RequireAuthorization(Policies.Admin);

        return app;
    }

    public static async Task<Results<Ok<Product>, NotFound>> GetProduct(
        string id, IProductStore store, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await store.GetAsync(id, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        SetETag(http, found.ETag);
        return TypedResults.Ok(found.Product);
    }

    public static async Task<Results<Created<Product>, ProblemHttpResult>> CreateProduct(
        CreateProductRequest request, IProductStore store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var product = new Product(
            Id: Guid.CreateVersion7(now).ToString("N"),
            Name: request.Name.Trim(),
            Slug: request.Slug ?? Slugs.FromName(request.Name),
            Description: request.Description.Trim(),
            Brand: request.Brand.Trim(),
            Status: request.Status,
            Revision: 1,
            CreatedAt: now,
            UpdatedAt: now);
        var announcement = new ProductChangedV1(
            product.Id, product.Revision, ProductChangeKind.Created, product.Name, product.Slug, product.Brand, product.Status.ToString())
        {
            OccurredAt = now,
        };

        var created = await store.CreateAsync(product, announcement, cancellationToken);
        if (created is null)
        {
            return TypedResults.Problem(
                title: "The slug is already used by another product.",
                detail: $"Choose another slug than '{product.Slug}'.",
                statusCode: StatusCodes.Status409Conflict);
        }

        SetETag(http, created.ETag);
        return TypedResults.Created($"/api/catalog/products/{created.Product.Id}", created.Product);
    }

    private static void SetETag(HttpContext http, string etag) =>
        http.Response.Headers[HeaderNames.ETag] = new EntityTagHeaderValue($"\"{etag}\"").ToString();
}
