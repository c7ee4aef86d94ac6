using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ecommerce.Gateway.Resilience;
using Ecommerce.Gateway.Sidecar;
using Ecommerce.ServiceDefaults.OpenApi;
using Microsoft.Extensions.Options;

namespace Ecommerce.Gateway.OpenApi;

/// <summary>
/// Each service's OpenAPI document, fetched through the sidecar from the service's own
/// <c>/swagger/v1/swagger.json</c> and kept for <see cref="ServiceDocumentOptions.CacheDuration"/>.
/// Its <c>servers</c> become the gateway itself (<c>/</c>), so that Swagger UI's "Try it out" goes
/// through the gateway and its routes, never to a service directly. Failures are not cached.
/// </summary>
public sealed class ServiceDocuments(SidecarClient sidecar, IOptions<ServiceDocumentOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, string Json)> _cache = new(StringComparer.Ordinal);

    /// <exception cref="DownstreamUnavailableException">The service did not hand over its document.</exception>
    public async Task<string> GetAsync(string appId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(appId, out var cached) && cached.Expires > now)
        {
            return cached.Json;
        }

        using var response = await sidecar.SendAsync(
            appId, HttpMethod.Get, OpenApiExtensions.DocumentPath, null, null, options.Value.Timeout, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DownstreamUnavailableException(appId, $"its OpenAPI document answered {(int)response.StatusCode}");
        }
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new DownstreamUnavailableException(appId, "its OpenAPI document is not JSON", error);
        }
        if (document is not JsonObject root)
        {
            throw new DownstreamUnavailableException(appId, "its OpenAPI document is not a JSON object");
        }
        root["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "The gateway" });
        var json = root.ToJsonString();
        _cache[appId] = (now + options.Value.CacheDuration, json);
        return json;
    }
}
