using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.Model;
using Ecommerce.Catalog.ReadModel;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Catalog.Apis;

public static class CategoriesApi
{
    public static IEndpointRouteBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        var categories = app.MapGroup("/api/catalog/categories")
            .WithTags("Categories")
            .WithRequestValidation();

        categories.MapGet("/", GetCategoryTree)
            .WithName("GetCategoryTree")
            .WithSummary("The category tree")
            .WithDescription("Every category, nested under its parent, ordered by name. A listing filtered on a category includes its descendants.")
            .AllowAnonymous();

        categories.MapPost("/", CreateCategory)
            .WithName("CreateCategory")
            .WithSummary("Create a category")
            .WithDescription("Back office. The id is made from the name unless given and must be unique; a parent must exist already.")
            .RequireAuthorization(Policies.Admin);

        return app;
    }

    public static async Task<Ok<IReadOnlyList<CategoryNode>>> GetCategoryTree(ICategoryStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CategoryTree(await store.GetAllAsync(cancellationToken)).Roots());

    public static async Task<Results<Created<Category>, ValidationProblem, ProblemHttpResult>> CreateCategory(
        CreateCategoryRequest request, ICategoryStore store, CatalogReadModel readModel, CancellationToken cancellationToken)
    {
        var existing = await store.GetAllAsync(cancellationToken);
        if (request.ParentId is not null && existing.All(category => category.Id != request.ParentId))
        {
            return CatalogProblems.UnknownCategory("parentId", request.ParentId);
        }

        var category = new Category(request.Id ?? Slugs.FromName(request.Name), request.Name.Trim(), request.ParentId);
        if (!await store.AddAsync(category, cancellationToken))
        {
            return TypedResults.Problem(
                title: "A category with this id exists already.",
                detail: $"Choose another id than '{category.Id}'.",
                statusCode: StatusCodes.Status409Conflict);
        }

        readModel.ReplaceCategories(await store.GetAllAsync(cancellationToken));
        return TypedResults.Created($"/api/catalog/categories/{category.Id}", category);
    }
}
