using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Inventory.Apis;

/// <summary>The problems the inventory endpoints answer besides validation of bodies.</summary>
internal static class Problems
{
    /// <summary>A route value that breaks its rule: a 400 with a field error, like a bad body field.</summary>
    public static ValidationProblem InvalidField(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "One or more fields are not valid.");

    public static ProblemHttpResult Conflict(string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);

    public static ProblemHttpResult NotFound(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status404NotFound);

    /// <summary>A business rule refused a well-formed request.</summary>
    public static ProblemHttpResult Unprocessable(string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);
}
