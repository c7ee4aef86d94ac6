using System.Security.Claims;

namespace Ecommerce.Notification.Apis;

/// <summary>Who is calling: the subject (<c>sub</c>) of the access token.</summary>
internal static class Callers
{
    public static string UserId(ClaimsPrincipal user) => user.Identity?.Name ?? throw new InvalidOperationException("The endpoint requires an authenticated user.");
}
