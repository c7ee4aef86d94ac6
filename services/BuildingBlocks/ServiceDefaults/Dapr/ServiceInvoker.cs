using System.Net.Http.Json;
using System.Text.Json;
using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Errors;
using Microsoft.Extensions.Configuration;

namespace Ecommerce.ServiceDefaults.Dapr;

/// <summary>
/// Calls another service through this service's own sidecar (service invocation; the sidecar adds
/// <c>dapr-caller-app-id</c>, see <see cref="DaprCaller"/>) with a deadline. Whatever the status, the answer comes
/// back to the caller to interpret, except what means "not available now" — no connection, the deadline passed, a
/// 5xx — which is a <see cref="DependencyUnavailableException"/>: a dependency that is down makes a 503, never a
/// hang or a 500.
/// <para>
/// It is the SDK's invocation HttpClient (<see cref="DaprClient.CreateInvokeHttpClient"/>: the app id as host,
/// rewritten to the sidecar's <c>/v1.0/invoke/{appId}/method/...</c>, with the Dapr API token), which the SDK
/// recommends over <c>DaprClient.InvokeMethod*</c>.
/// </para>
/// </summary>
public sealed class ServiceInvoker(IConfiguration configuration, TimeSpan timeout) : IDisposable
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly HttpClient _http = DaprClient.CreateInvokeHttpClient(
        daprEndpoint: DaprSidecar.HttpEndpoint(configuration).ToString(),
        daprApiToken: configuration["DAPR_API_TOKEN"] is { Length: > 0 } token ? token : null);

    public Task<HttpResponseMessage> GetAsync(string appId, string path, CancellationToken cancellationToken) =>
        SendAsync(appId, new HttpRequestMessage(HttpMethod.Get, Target(appId, path)), cancellationToken);

    public Task<HttpResponseMessage> PostAsync<T>(string appId, string path, T body, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Target(appId, path)) { Content = JsonContent.Create(body, options: JsonConventions.Options) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        }
        return SendAsync(appId, request, cancellationToken);
    }

    /// <summary>Reads a 2xx answer; anything else here is an answer the caller did not expect, so the dependency cannot serve us now.</summary>
    public static async Task<T> ReadAsync<T>(string appId, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            throw new DependencyUnavailableException(appId, $"unexpected answer {(int)response.StatusCode}");
        }
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JsonConventions.Options, cancellationToken)
                ?? throw new DependencyUnavailableException(appId, "an empty answer");
        }
        catch (JsonException error)
        {
            throw new DependencyUnavailableException(appId, "an answer that is not the expected JSON", error);
        }
    }

    /// <summary>The <c>title</c> (and <c>detail</c>) of a problem answer, for a reason to record; the status code when there is none.</summary>
    public static async Task<ProblemText> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(JsonConventions.Options, cancellationToken);
            if (problem.ValueKind == JsonValueKind.Object)
            {
                return new ProblemText(
                    problem.TryGetProperty("title", out var title) ? title.GetString() : null,
                    problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
                    problem);
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status code is all there is.
        }
        return new ProblemText($"HTTP {(int)response.StatusCode}", null, default);
    }

    public void Dispose() => _http.Dispose();

    private static Uri Target(string appId, string path) => new($"http://{appId}/{path}");

    private async Task<HttpResponseMessage> SendAsync(string appId, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(timeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, deadline.Token);
            }
            catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DependencyUnavailableException(appId, $"no answer within {timeout.TotalSeconds} s", error);
            }
            catch (HttpRequestException error)
            {
                throw new DependencyUnavailableException(appId, "the sidecar cannot be reached", error);
            }
            if ((int)response.StatusCode >= 500)
            {
                // daprd answers 500 (ERR_DIRECT_INVOKE) when the target app is not running; the app's own 5xx (payment's
                // transient 503) means the same to us.
                var status = (int)response.StatusCode;
                response.Dispose();
                throw new DependencyUnavailableException(appId, $"it answered {status}");
            }
            return response;
        }
    }
}

/// <summary>What a problem answer said.</summary>
public sealed record ProblemText(string? Title, string? Detail, JsonElement Body)
{
    public override string ToString() => Detail is null ? Title ?? "" : $"{Title} {Detail}";
}
