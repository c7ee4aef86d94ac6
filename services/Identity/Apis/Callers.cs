using System.Net;
using System.Security.Claims;
using Ecommerce.Contracts;
using Ecommerce.Identity.Accounts;
using Ecommerce.Identity.Model;
using Ecommerce.ServiceDefaults.Dapr;
using Microsoft.Net.Http.Headers;

namespace Ecommerce.Identity.Apis;

/// <summary>
/// Who is calling and from where. Requests come through a sidecar; the gateway's calls carry
/// <c>dapr-caller-app-id: gateway</c>, and only then are the forwarded headers it sets believed
/// (left-most <c>X-Forwarded-For</c>, <c>X-Forwarded-Host</c>, <c>X-Forwarded-Proto</c>): anyone else could forge them.
/// </summary>
internal static class Callers
{
    public static bool ViaGateway(HttpContext http) => DaprCaller.Is(http, AppIds.Gateway);

    public static ClientInfo Client(HttpContext http) =>
        new(IpAddress(http), http.Request.Headers[HeaderNames.UserAgent].ToString() is { Length: > 0 } agent ? agent : null);

    public static string? IpAddress(HttpContext http)
    {
        if (ViaGateway(http) && LeftMost(http, "X-Forwarded-For") is { } forwarded && IPAddress.TryParse(forwarded, out var address))
        {
            return address.ToString();
        }
        return http.Connection.RemoteIpAddress?.ToString();
    }

    /// <summary>The origin clients reach this service at: configured, else the request's (the gateway's, when it forwarded it).</summary>
    public static string PublicBaseUrl(HttpContext http, IdentityOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return options.PublicBaseUrl.TrimEnd('/');
        }
        var scheme = http.Request.Scheme;
        var host = http.Request.Host.ToString();
        if (ViaGateway(http))
        {
            scheme = LeftMost(http, "X-Forwarded-Proto") is { } proto && (proto == "http" || proto == "https") ? proto : scheme;
            host = LeftMost(http, "X-Forwarded-Host") is { Length: > 0 } forwardedHost && HostString.FromUriComponent(forwardedHost).HasValue ? forwardedHost : host;
        }
        return $"{scheme}://{host}";
    }

    /// <summary>The subject (<c>sub</c>) of the access token.</summary>
    public static string UserId(ClaimsPrincipal user) => user.Identity?.Name ?? throw new InvalidOperationException("The endpoint requires an authenticated user.");

    /// <summary>The session (<c>sid</c>) the access token was issued for.</summary>
    public static string? SessionId(ClaimsPrincipal user) => user.FindFirst("sid")?.Value;

    private static string? LeftMost(HttpContext http, string header)
    {
        var first = http.Request.Headers[header].FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        return first?.Split(',')[0].Trim() is { Length: > 0 } value ? value : null;
    }
}
