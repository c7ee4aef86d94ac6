using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Gateway.Sidecar;

/// <summary>
/// The gateway's own Dapr sidecar: the only place it sends anything. Every service is reached as
/// <c>{sidecar}/v1.0/invoke/{appId}/method/{path}</c>, with <c>dapr-api-token</c> when
/// <c>DAPR_API_TOKEN</c> is set.
/// </summary>
public sealed class SidecarEndpoint
{
    public const string ApiTokenHeader = "dapr-api-token";

    public SidecarEndpoint(IConfiguration configuration)
    {
        var endpoint = DaprSidecar.HttpEndpoint(configuration);
        // "localhost" costs a failed IPv6 connection attempt per new connection when the sidecar
        // listens on 127.0.0.1 only (DaprLocal does); the sidecar is always on this machine's loopback.
        BaseAddress = endpoint.IsLoopback && endpoint.Host == "localhost"
            ? new UriBuilder(endpoint) { Host = "127.0.0.1" }.Uri
            : endpoint;
        ApiToken = configuration["DAPR_API_TOKEN"] is { Length: > 0 } token ? token : null;
    }

    public Uri BaseAddress { get; }

    public string? ApiToken { get; }

    /// <summary>The prefix YARP puts the original path after: <c>{sidecar}/v1.0/invoke/{appId}/method</c>.</summary>
    public Uri InvokePrefix(string appId) => new(BaseAddress, $"v1.0/invoke/{appId}/method");

    /// <summary>The app id of an invocation URL built by <see cref="InvokePrefix"/>, or null for any other URL.</summary>
    public static string? AppIdOf(Uri? invocation)
    {
        if (invocation is null)
        {
            return null;
        }
        var segments = invocation.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 4 && segments[0] == "v1.0" && segments[1] == "invoke" && segments[3] == "method" ? segments[2] : null;
    }
}
