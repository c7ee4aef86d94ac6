using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Catalog.Apis;

/// <summary>The problems the catalog's endpoints answer with, worded once.</summary>
internal static class CatalogProblems
{
    public static ProblemHttpResult IfMatchRequired() => TypedResults.Problem(
        title: "An If-Match header is required.",
        detail: "Send the ETag of the version you read (GET the product) in If-Match, so that a change made meanwhile is not overwritten.",
        statusCode: StatusCodes.Status428PreconditionRequired);

    public static ProblemHttpResult Stale() => TypedResults.Problem(
        title: "The product has changed since you read it.",
        detail: "Read it again, apply your change to the new version and send its ETag in If-Match.",
        statusCode: StatusCodes.Status412PreconditionFailed);

    public static ProblemHttpResult SlugTaken(string slug) => TypedResults.Problem(
        title: "The slug is already used by another product.",
        detail: $"Choose another slug than '{slug}'.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult StillLoading(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "2";
        return TypedResults.Problem(
            title: "The catalog is still loading.",
            detail: "This replica is reading the catalog from its store; try again in a moment.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public static ValidationProblem UnknownCategory(string field, string id) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [$"There is no category '{id}'."] },
        title: "One or more fields are not valid.");
}
