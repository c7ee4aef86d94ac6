using System.Net.Http.Headers;
using Ecommerce.Gateway.Correlation;
using Ecommerce.Gateway.Resilience;

namespace Ecommerce.Gateway.Sidecar;

/// <summary>
/// The gateway's own calls to services (aggregation, OpenAPI documents): service invocation through
/// its sidecar, under the same <see cref="SidecarInvocationHandler"/> as the proxy. Each call has a
/// deadline; missing it, like any failure to reach the service, is a <see cref="DownstreamUnavailableException"/>.
/// Whatever the service answers comes back to the caller to read.
/// </summary>
public sealed class SidecarClient(IHttpClientFactory httpClients, SidecarEndpoint sidecar)
{
    public const string HttpClientName = "sidecar";

    public async Task<HttpResponseMessage> SendAsync(
        string appId, HttpMethod method, string path, HttpContent? content, HttpContext? onBehalfOf, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var request = new HttpRequestMessage(method, new Uri(sidecar.InvokePrefix(appId) + "/" + path.TrimStart('/'))) { Content = content };
        if (sidecar.ApiToken is { } token)
        {
            request.Headers.TryAddWithoutValidation(SidecarEndpoint.ApiTokenHeader, token);
        }
        if (onBehalfOf is not null)
        {
            // The services see the same caller and the same correlation id as for a proxied request.
            if (onBehalfOf.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization
                && AuthenticationHeaderValue.TryParse(authorization, out var parsed))
            {
                request.Headers.Authorization = parsed;
            }
            if (CorrelationId.Of(onBehalfOf) is { } correlationId)
            {
                request.Headers.TryAddWithoutValidation(CorrelationId.HeaderName, correlationId);
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DownstreamUnavailableException(appId, $"no answer within {timeout.TotalMilliseconds:0} ms", error);
        }
    }
}
