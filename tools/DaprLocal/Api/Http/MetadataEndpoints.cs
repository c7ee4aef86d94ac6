using Grpc.Core;
using System.Text;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Api.Http;

/// <summary>Health, metadata and shutdown on the HTTP port, with daprd's statuses (204 when fine).</summary>
public static class MetadataEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/v1.0/healthz", (HttpContext http, SidecarState state, SidecarOptions options) =>
        {
            if (http.Request.Query["appid"] is { Count: > 0 } appId && appId.ToString() != options.AppId)
            {
                return DaprHttpResults.Error(new DaprApiException("ERR_HEALTH_APPID_NOT_MATCH", 500, StatusCode.InvalidArgument, "dapr app-id does not match"));
            }
            return state.Ready ? Results.NoContent() : DaprHttpResults.Error(DaprErrors.NotReady("[runtime]"));
        });
        api.MapGet("/v1.0/healthz/outbound", (SidecarState state) =>
            state.OutboundReady
                ? Results.NoContent()
                : DaprHttpResults.Error(new DaprApiException("ERR_OUTBOUND_HEALTH_NOT_READY", 500, StatusCode.Unavailable, "dapr outbound is not ready")));
        api.MapGet("/v1.0/metadata", (SidecarMetadata metadata) => Results.Json(metadata.Describe()));
        api.MapPut("/v1.0/metadata/{key}", async (string key, HttpContext http, SidecarState state) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            state.Extended[key] = await reader.ReadToEndAsync(http.RequestAborted);
            return Results.NoContent();
        });
        api.MapPost("/v1.0/shutdown", (SidecarState state) =>
        {
            state.RequestShutdown();
            return Results.NoContent();
        });
    }
}
