using Grpc.Core;
using Ecommerce.DaprLocal.Invocation;

namespace Ecommerce.DaprLocal.Api.Http;

/// <summary>
/// Service invocation on the HTTP port: any verb on <c>/v1.0/invoke/{appId}/method/{**method}</c>,
/// and any other path carrying a <c>dapr-app-id</c> header (the whole path is the method).
/// </summary>
public static class InvokeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.Map("/v1.0/invoke/{appId}/method/{**method}", (string appId, string? method, HttpContext http, ServiceInvoker invoker) =>
            RelayAsync(http, appId, method ?? "", invoker));
    }

    /// <summary>The fallback of the HTTP port: invocation by header, else daprd's 404.</summary>
    public static Task HandleUnmatchedAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Headers.TryGetValue("dapr-app-id", out var appId) && appId.ToString().Length > 0)
        {
            return RelayAsync(http, appId.ToString(), http.Request.Path.Value?.TrimStart('/') ?? "", http.RequestServices.GetRequiredService<ServiceInvoker>());
        }
        return DaprHttpResults.Error(new DaprApiException("ERR_NOT_FOUND", 404, StatusCode.NotFound, $"method {http.Request.Path} not found")).ExecuteAsync(http);
    }

    private static async Task RelayAsync(HttpContext http, string appId, string method, ServiceInvoker invoker)
    {
        try
        {
            await invoker.RelayAsync(http, appId, method);
        }
        catch (DaprApiException error) when (!http.Response.HasStarted)
        {
            await DaprHttpResults.Error(error).ExecuteAsync(http);
        }
    }
}
