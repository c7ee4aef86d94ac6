using System.Security.Cryptography;
using System.Text;
using Ecommerce.DaprLocal.Invocation;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Api.Http;

/// <summary>Daprd's HTTP API, served on the sidecar's HTTP port only.</summary>
public static class HttpApi
{
    public static void MapDaprHttpApi(this WebApplication app, int httpPort)
    {
        ArgumentNullException.ThrowIfNull(app);
        var host = $"*:{httpPort}";
        var api = app.MapGroup("").RequireHost(host);
        MetadataEndpoints.Map(api);
        StateEndpoints.Map(api);
        PublishEndpoints.Map(api);
        InvokeEndpoints.Map(api);
        SecretsEndpoints.Map(api);
        BindingsEndpoints.Map(api);
        ActorEndpoints.Map(api);
        WorkflowEndpoints.Map(api);
        app.MapFallback(InvokeEndpoints.HandleUnmatchedAsync).RequireHost(host);
    }

    /// <summary>
    /// With <c>DAPR_API_TOKEN</c> set, every HTTP call but the health checks must carry it in
    /// <c>dapr-api-token</c> (daprd answers 401 "invalid api token"); calls from other DaprLocal
    /// sidecars prove themselves with the internal token instead. The header is removed before
    /// routing so it never reaches an app.
    /// </summary>
    public static void UseDaprApiToken(this WebApplication app, int httpPort)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<SidecarOptions>();
        if (options.DaprApiToken is not { Length: > 0 } token)
        {
            return;
        }
        var expected = Encoding.UTF8.GetBytes(token);
        app.Use(async (http, next) =>
        {
            if (http.Connection.LocalPort == httpPort)
            {
                if (!http.Request.Path.StartsWithSegments("/v1.0/healthz")
                    && !http.RequestServices.GetRequiredService<ServiceInvoker>().IsFromSidecar(http.Request)
                    && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(http.Request.Headers[AppChannel.ApiTokenHeader].ToString()), expected))
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    http.Response.ContentType = "text/plain";
                    await http.Response.WriteAsync("invalid api token", http.RequestAborted);
                    return;
                }
                http.Request.Headers.Remove(AppChannel.ApiTokenHeader);
            }
            await next(http);
        });
    }
}
