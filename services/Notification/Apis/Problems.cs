using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Notification.Apis;

/// <summary>The problems the notification APIs answer, worded once.</summary>
internal static class Problems
{
    public static ProblemHttpResult FeedItemNotFound() => TypedResults.Problem(
        title: "There is no such item in your feed.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult TemplateNotFound(string eventType, string channel) => TypedResults.Problem(
        title: "There is no such template.",
        detail: $"No {channel} template for event type '{eventType}'. GET /api/notifications/admin/templates lists them.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult IfMatchRequired() => TypedResults.Problem(
        title: "If-Match is required.",
        detail: "Send the ETag of the version you read in If-Match, so that your change cannot overwrite someone else's.",
        statusCode: StatusCodes.Status428PreconditionRequired);

    public static ProblemHttpResult StaleVersion() => TypedResults.Problem(
        title: "It was changed since you read it.",
        detail: "Nothing was written. Read it again (new ETag) and repeat your change.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult ConcurrentChange() => TypedResults.Problem(
        title: "Your feed was changed by other requests at the same moment.",
        detail: "Nothing was written. Try again.",
        statusCode: StatusCodes.Status409Conflict);

    public static ValidationProblem Fields(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "One or more fields are not valid.");

    public static ValidationProblem Field(string field, string message) => Fields(new() { [field] = [message] });
}
