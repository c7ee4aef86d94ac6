using System.Net;
using System.Text.Json;
using Ecommerce.Gateway.Sidecar;
using Microsoft.Extensions.Options;

namespace Ecommerce.Gateway.Resilience;

/// <summary>
/// Sits under every call the gateway sends to its sidecar (the proxy's and its own). It tells the
/// sidecar's failures from the services' answers, and retries reads:
/// <list type="bullet">
/// <item>The sidecar not answering, or answering its invocation error (HTTP 500, <c>application/json</c>,
/// <c>errorCode: ERR_DIRECT_INVOKE</c>: app down, breaker open, timeout) becomes a
/// <see cref="DownstreamUnavailableException"/>. A service's own 500 (a problem document) is its answer
/// and goes back as it is.</item>
/// <item>GET and HEAD are retried once, after <see cref="ResilienceOptions.RetryDelay"/>, when the sidecar
/// failed or the service answered 502, 503 or 504 — unless the failure took longer than
/// <see cref="ResilienceOptions.RetryBudget"/>. Nothing else is ever retried: a POST may have done its work.</item>
/// </list>
/// </summary>
public sealed partial class SidecarInvocationHandler(IOptions<ResilienceOptions> options, TimeProvider clock, ILogger<SidecarInvocationHandler> logger)
    : DelegatingHandler
{
    public const string DirectInvokeError = "ERR_DIRECT_INVOKE";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var appId = SidecarEndpoint.AppIdOf(request.RequestUri) ?? request.RequestUri?.Host ?? "unknown";
        var started = clock.GetTimestamp();
        var first = await AttemptAsync(request, appId, cancellationToken);
        if (!first.ShouldRetry || !IsRetryable(request) || clock.GetElapsedTime(started) > options.Value.RetryBudget)
        {
            return first.Result();
        }

        LogRetry(logger, request.Method.Method, appId, first.Description);
        first.Response?.Dispose();
        await Task.Delay(options.Value.RetryDelay, clock, cancellationToken);
        // The retry is a new span of the same trace: the handler below injects a fresh traceparent.
        request.Headers.Remove("traceparent");
        request.Headers.Remove("tracestate");
        return (await AttemptAsync(request, appId, cancellationToken)).Result();
    }

    private static bool IsRetryable(HttpRequestMessage request) =>
        (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head) && request.Content is null;

    private async Task<Attempt> AttemptAsync(HttpRequestMessage request, string appId, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            return Attempt.Failed(new DownstreamUnavailableException(appId, "the gateway's sidecar cannot be reached", error));
        }

        if (await DirectInvokeFailureAsync(response, cancellationToken) is { } reason)
        {
            response.Dispose();
            return Attempt.Failed(new DownstreamUnavailableException(appId, reason));
        }
        var shouldRetry = response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
        return new Attempt(response, null, shouldRetry, $"{appId} answered {(int)response.StatusCode}");
    }

    /// <summary>The sidecar's message when <paramref name="response"/> is its invocation error rather than the app's answer.</summary>
    private static async Task<string?> DirectInvokeFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.InternalServerError || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }
        // Small (an error document): buffered, so that an app's own JSON 500 can still be relayed whole.
        // Read as bytes, not as a stream: the content caches its read stream, which would then be spent.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.String && code.GetString() == DirectInvokeError
                ? root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : DirectInvokeError
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying {Method} to {AppId} once: {Failure}")]
    private static partial void LogRetry(ILogger logger, string method, string appId, string failure);

    private readonly record struct Attempt(HttpResponseMessage? Response, DownstreamUnavailableException? Failure, bool ShouldRetry, string Description)
    {
        public static Attempt Failed(DownstreamUnavailableException failure) => new(null, failure, true, failure.Message);

        public HttpResponseMessage Result() => Response ?? throw Failure!;
    }
}
