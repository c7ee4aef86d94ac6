using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Pricing.Apis;

/// <summary>The problems the pricing APIs answer, worded once.</summary>
internal static class Problems
{
    public static ProblemHttpResult IfMatchRequired() => TypedResults.Problem(
        title: "An If-Match header is required.",
        detail: "Read the resource first and send its ETag back in If-Match, so that no one else's change is overwritten.",
        statusCode: StatusCodes.Status428PreconditionRequired);

    public static ProblemHttpResult VersionMismatch() => TypedResults.Problem(
        title: "The resource has changed since it was read.",
        detail: "The ETag in If-Match is not the current version. Read it again and reapply the change.",
        statusCode: StatusCodes.Status412PreconditionFailed);

    public static ProblemHttpResult ConcurrentChange() => TypedResults.Problem(
        title: "The resource was changed by someone else at the same moment.",
        detail: "Nothing was written. Read it again and retry.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult AlreadyExists(string what, string id) => TypedResults.Problem(
        title: $"The {what} already exists.",
        detail: $"There is already a {what} '{id}'. Update it with PUT instead.",
        statusCode: StatusCodes.Status409Conflict);

    public static ValidationProblem Field(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        title: "One or more fields are not valid.");
}
