using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Identity.Apis;

/// <summary>The problems the identity APIs answer, worded once. None says whether an account exists.</summary>
internal static class Problems
{
    public static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(
        title: "Invalid email or password.",
        statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult Locked(TimeSpan retryAfter) => TypedResults.Problem(
        title: "The account is locked after repeated failed sign-ins.",
        detail: $"Try again in {RetryAfterSeconds(retryAfter)} seconds.",
        statusCode: StatusCodes.Status423Locked);

    public static ProblemHttpResult InvalidMfa() => TypedResults.Problem(
        title: "The sign-in token or the code is not valid.",
        detail: "Use a current code of the authenticator app or an unused recovery code; an expired sign-in starts again with the password.",
        statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult InvalidRefreshToken() => TypedResults.Problem(
        title: "The refresh token is not valid.",
        detail: "It is unknown, expired, already used or its session was revoked. Sign in again.",
        statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult InvalidOneTimeToken() => TypedResults.Problem(
        title: "The token is not valid.",
        detail: "It is unknown, expired, already used or replaced by a newer one. Ask for a new one.",
        statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult EmailTaken() => TypedResults.Problem(
        title: "An account with this email already exists.",
        detail: "Sign in, or reset the password if it is forgotten.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult ConcurrentChange() => TypedResults.Problem(
        title: "The account was changed by another request at the same moment.",
        detail: "Nothing was written. Try again.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult IfMatchRequired() => TypedResults.Problem(
        title: "An If-Match header is required.",
        detail: "Read the resource first and send its ETag back in If-Match, so that no one else's change is overwritten.",
        statusCode: StatusCodes.Status428PreconditionRequired);

    public static ProblemHttpResult VersionMismatch() => TypedResults.Problem(
        title: "The resource has changed since it was read.",
        detail: "The ETag in If-Match is not the current version. Read it again and reapply the change.",
        statusCode: StatusCodes.Status412PreconditionFailed);

    public static ProblemHttpResult UserNotFound() => TypedResults.Problem(
        title: "There is no such user.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult SessionNotFound() => TypedResults.Problem(
        title: "There is no such session.",
        detail: "It does not exist, is over, or is not yours.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult AddressNotFound() => TypedResults.Problem(
        title: "There is no such address.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult TooManyAddresses(int max) => TypedResults.Problem(
        title: "The address book is full.",
        detail: $"A user keeps at most {max} addresses.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult UnknownRole(string role) => TypedResults.Problem(
        title: "There is no such role.",
        detail: $"'{role}' is not one of customer, admin, support.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult OwnAdminRole() => TypedResults.Problem(
        title: "An admin cannot remove their own admin role.",
        detail: "Another admin has to do it, so that the platform is never left without an admin by mistake.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult MfaAlreadyEnabled() => TypedResults.Problem(
        title: "MFA is already enabled.",
        detail: "Disable it first to enrol a new authenticator.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult MfaNotPending() => TypedResults.Problem(
        title: "No MFA enrolment is waiting for confirmation.",
        detail: "Enrol first (the enrolment expires after a few minutes).",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult MfaNotEnabled() => TypedResults.Problem(
        title: "MFA is not enabled.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult KeysUnavailable(string what) => TypedResults.Problem(
        title: $"The {what} is not available. Try again shortly.",
        detail: "The identity service has not read its keys from the secret store.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    public static ValidationProblem Field(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        title: "One or more fields are not valid.");

    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
