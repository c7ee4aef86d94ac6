using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Ordering.Apis;

/// <summary>The problems the ordering APIs answer, worded once.</summary>
internal static class Problems
{
    public static ProblemHttpResult OrderNotFound() => TypedResults.Problem(
        title: "There is no such order.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult SagaNotFound() => TypedResults.Problem(
        title: "The order has no such saga.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult KeyReused() => TypedResults.Problem(
        title: "The idempotency key was used for another request.",
        detail: "A key names one order: send the same request again to get it, or use a new key for a new order.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult ConcurrentChange() => TypedResults.Problem(
        title: "The order was changed by other requests at the same moment.",
        detail: "Nothing was written. Send the request again.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult CancelTooLate(string status) => TypedResults.Problem(
        title: "The order can no longer be cancelled.",
        detail: $"It is {status}: once payment capture has started, or the order has ended, cancel is refused (ask for a return once delivered).",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult WrongStatus(string title, string status) => TypedResults.Problem(
        title: title,
        detail: $"The order is {status}.",
        statusCode: StatusCodes.Status409Conflict);

    public static ValidationProblem Field(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        title: "One or more fields are not valid.");

    public static ValidationProblem Fields(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        title: "One or more fields are not valid.");
}
