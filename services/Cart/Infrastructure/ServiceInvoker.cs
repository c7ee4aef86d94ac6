using Dapr.Client;
using Ecommerce.Cart.Model;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;
using Microsoft.Extensions.Options;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>
/// Calls another service through the sidecar (service invocation) with a deadline. Whatever the
/// status, the answer comes back to the caller to interpret, except what means "not available
/// now" — no connection, the deadline passed, a 5xx — which is a <see cref="DependencyUnavailableException"/>,
/// so a dependency that is down makes a 503, never a hang or a 500.
/// <para>
/// It is the SDK's invocation HttpClient (<see cref="DaprClient.CreateInvokeHttpClient"/>: the app id
/// as host, rewritten to the sidecar's <c>/v1.0/invoke/{appId}/method/...</c>, with the Dapr API
/// token), which the SDK recommends over <c>DaprClient.InvokeMethod*</c>.
/// </para>
/// </summary>
internal sealed class ServiceInvoker(IConfiguration configuration, IOptions<CartOptions> options) : IDisposable
{
    private readonly HttpClient _http = DaprClient.CreateInvokeHttpClient(
        daprEndpoint: DaprSidecar.HttpEndpoint(configuration).ToString(),
        daprApiToken: configuration["DAPR_API_TOKEN"] is { Length: > 0 } token ? token : null);

    public Task<HttpResponseMessage> GetAsync(string appId, string path, CancellationToken cancellationToken) =>
        SendAsync(appId, new HttpRequestMessage(HttpMethod.Get, Target(appId, path)), cancellationToken);

    public Task<HttpResponseMessage> PostAsync<T>(string appId, string path, T body, CancellationToken cancellationToken) =>
        SendAsync(appId, new HttpRequestMessage(HttpMethod.Post, Target(appId, path)) { Content = JsonContent.Create(body, options: JsonConventions.Options) }, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static Uri Target(string appId, string path) => new($"http://{appId}/{path}");

    private async Task<HttpResponseMessage> SendAsync(string appId, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(options.Value.DependencyTimeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, deadline.Token);
            }
            catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DependencyUnavailableException(appId, $"no answer within {options.Value.DependencyTimeout.TotalSeconds} s", error);
            }
            catch (HttpRequestException error)
            {
                throw new DependencyUnavailableException(appId, "the sidecar cannot be reached", error);
            }
            if ((int)response.StatusCode >= 500)
            {
                // daprd answers 500 (ERR_DIRECT_INVOKE) when the target app is not running; the app's own 5xx means the same to us.
                var status = (int)response.StatusCode;
                response.Dispose();
                throw new DependencyUnavailableException(appId, $"it answered {status}");
            }
            return response;
        }
    }
}
