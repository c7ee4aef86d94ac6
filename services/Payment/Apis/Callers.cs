using System.Security.Claims;
using Ecommerce.Contracts;
using Ecommerce.Payment.Model;

namespace Ecommerce.Payment.Apis;

/// <summary>
/// Who is calling. Service-to-service endpoints trust <c>dapr-caller-app-id</c>: the sidecar sets it on every
/// invocation and drops any value the caller sent, and with <c>APP_API_TOKEN</c> set (ServiceDefaults'
/// <c>AppApiTokenMiddleware</c>) nothing can reach the app except through its sidecar. Without that token (a
/// development run) anyone on the machine could forge it, which is why every deployed profile sets the token.
/// </summary>
internal static class Callers
{
    public const string CallerAppHeader = "dapr-caller-app-id";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static bool IsOrdering(HttpContext http) =>
        string.Equals(http.Request.Headers[CallerAppHeader].ToString(), AppIds.Ordering, StringComparison.Ordinal);

    /// <summary>The subject (<c>sub</c>) of the access token.</summary>
    public static string UserId(ClaimsPrincipal user) => user.Identity?.Name ?? throw new InvalidOperationException("The endpoint requires an authenticated user.");

    /// <summary>
    /// The operation's idempotency key from the body or the <c>Idempotency-Key</c> header; a field error when
    /// neither has one, when the header's is malformed, or when both are given and differ.
    /// </summary>
    public static (string? Key, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Invalid) IdempotencyKey(string? fromBody, HttpContext http)
    {
        var fromHeader = http.Request.Headers[IdempotencyKeyHeader].ToString() is { Length: > 0 } header ? header : null;
        if (fromHeader is not null && !Identifiers.IsValid(fromHeader))
        {
            return (null, Problems.Field("idempotencyKey", "The Idempotency-Key header must be 1 to 100 letters, digits or . _ : -"));
        }
        if (fromBody is not null && fromHeader is not null && fromBody != fromHeader)
        {
            return (null, Problems.Field("idempotencyKey", "The body and the Idempotency-Key header name different keys."));
        }
        return (fromBody ?? fromHeader) is { } key
            ? (key, null)
            : (null, Problems.Field("idempotencyKey", "An idempotency key is required (body or Idempotency-Key header)."));
    }
}
