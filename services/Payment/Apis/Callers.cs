using System.Security.Claims;
using Ecommerce.Contracts;
using Ecommerce.Payment.Model;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Payment.Apis;

/// <summary>Who is calling (the ordering service through Dapr, see <see cref="DaprCaller"/>, or a user) and the idempotency key.</summary>
internal static class Callers
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static bool IsOrdering(HttpContext http) => DaprCaller.Is(http, AppIds.Ordering);

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
