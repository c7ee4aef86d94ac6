using Microsoft.AspNetCore.Http;

namespace Ecommerce.ServiceDefaults.Dapr;

/// <summary>
/// Which app invoked this one through Dapr service invocation: the <c>dapr-caller-app-id</c> header. The
/// sidecar sets it on every invocation and drops a value the caller sent (the gateway also strips
/// <c>dapr-*</c> headers from clients). It can be believed because, with <c>APP_API_TOKEN</c> set (every
/// deployed profile), <see cref="AppApiTokenMiddleware"/> refuses any request that did not come through the
/// sidecar; on a developer's machine without the token, anyone reaching the app's loopback port could forge it.
/// </summary>
public static class DaprCaller
{
    public const string Header = "dapr-caller-app-id";

    public static bool Is(HttpContext http, string appId)
    {
        ArgumentNullException.ThrowIfNull(http);
        return string.Equals(http.Request.Headers[Header].ToString(), appId, StringComparison.Ordinal);
    }
}
