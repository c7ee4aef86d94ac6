using Microsoft.Extensions.Configuration;

namespace Ecommerce.ServiceDefaults.Dapr;

/// <summary>
/// Where this service's own sidecar listens, found the way the Dapr SDK finds it:
/// <c>DAPR_HTTP_ENDPOINT</c>, else <c>http://localhost:{DAPR_HTTP_PORT}</c> (3500 by default).
/// </summary>
public static class DaprSidecar
{
    public static Uri HttpEndpoint(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration["DAPR_HTTP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            return new Uri(endpoint);
        }
        var port = configuration["DAPR_HTTP_PORT"];
        return new Uri($"http://localhost:{(string.IsNullOrWhiteSpace(port) ? "3500" : port)}");
    }

    /// <summary>The service-invocation URL of <paramref name="method"/> on <paramref name="appId"/>, through the sidecar.</summary>
    public static Uri InvokeUrl(IConfiguration configuration, string appId, string method) =>
        new(HttpEndpoint(configuration), $"v1.0/invoke/{appId}/method/{method}");
}
