using Ecommerce.DaprLocal.Api;
using Ecommerce.DaprLocal.Resiliency;
using Ecommerce.DaprLocal.Runtime;
using Microsoft.Extensions.Primitives;

namespace Ecommerce.DaprLocal.Invocation;

/// <summary>
/// Service invocation as daprd does it. A call for another app goes to that app's sidecar
/// (found in the <see cref="SidecarDirectory"/>), which calls its app; a call for this app goes
/// straight to it. Method, path, query, headers and body travel unchanged; the callee sees
/// <c>dapr-caller-app-id</c> and <c>dapr-callee-app-id</c>; the response comes back as the app gave it.
/// </summary>
public sealed class ServiceInvoker(
    SidecarOptions options,
    AppChannel appChannel,
    SidecarDirectory directory,
    SidecarHttpClient sidecars,
    InProcessSidecars inProcess,
    ResiliencyPolicies resiliency)
{
    public const string InternalTokenHeader = "x-daprlocal-internal";
    public const string CallerHeader = "dapr-caller-app-id";
    public const string CalleeHeader = "dapr-callee-app-id";

    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection",
        "Proxy-Authenticate", "Proxy-Authorization", "Host", "Content-Length",
        AppChannel.ApiTokenHeader, InternalTokenHeader, CallerHeader, CalleeHeader, "dapr-app-id",
    };

    /// <summary>Whether a request comes from another DaprLocal sidecar (which may then name the caller).</summary>
    public bool IsFromSidecar(HttpRequest request) =>
        request.Headers.TryGetValue(InternalTokenHeader, out var token) && token == directory.InternalToken;

    /// <summary>Relays an HTTP API request (<c>/v1.0/invoke/{appId}/method/{method}</c> or the <c>dapr-app-id</c> form).</summary>
    public async Task RelayAsync(HttpContext http, string targetAppId, string method)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = IsFromSidecar(http.Request) ? http.Request.Headers[CallerHeader].ToString() : options.AppId;
        var headers = http.Request.Headers
            .Where(header => !NotForwarded.Contains(header.Key))
            .Select(header => (header.Key, header.Value))
            .ToList();
        AddForwarded(headers, http.Connection.RemoteIpAddress?.ToString(), http.Request.Host.ToString());

        var body = await HttpRequestBody(http);
        using var response = await SendAsync(
            new InvocationRequest(new HttpMethod(http.Request.Method), targetAppId, method, http.Request.QueryString.Value ?? "", headers, body, http.Request.ContentType, caller),
            http.RequestAborted);

        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!NotForwarded.Contains(name))
            {
                http.Response.Headers[name] = values.ToArray();
            }
        }
        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    /// <summary>Sends one invocation and returns the target's response (the caller disposes it).</summary>
    public async Task<HttpResponseMessage> SendAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.TargetAppId))
        {
            throw new DaprApiException("ERR_DIRECT_INVOKE", 404, Grpc.Core.StatusCode.NotFound, "failed getting app id either from the URL path or the header dapr-app-id");
        }
        return request.TargetAppId == options.AppId
            ? await SendToAppAsync(request, cancellationToken)
            : await SendToPeerAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendToAppAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        if (!appChannel.Exists)
        {
            throw DaprErrors.DirectInvoke(request.TargetAppId, "app channel is not initialized: the sidecar has no app port");
        }
        using var message = appChannel.CreateRequest(request.Verb, "/" + request.Method.TrimStart('/') + request.Query);
        Fill(message, request);
        message.Headers.TryAddWithoutValidation(CallerHeader, request.CallerAppId);
        message.Headers.TryAddWithoutValidation(CalleeHeader, options.AppId);
        try
        {
            return await appChannel.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw DaprErrors.DirectInvoke(request.TargetAppId, $"error invoking app channel: {error.Message}");
        }
    }

    private async Task<HttpResponseMessage> SendToPeerAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var transport = resiliency.ForAppTransport(request.TargetAppId);
        try
        {
            return await resiliency.ForApp(request.TargetAppId).ExecuteAsync(
                token => transport.ExecuteAsync(
                    attempt => SendOnceToPeerAsync(request, attempt),
                    _ => AttemptOutcome.Success,
                    ClassifyFailure,
                    token),
                response => AttemptOutcome.FromHttpStatus((int)response.StatusCode),
                ClassifyFailure,
                cancellationToken);
        }
        catch (CircuitBreakerOpenException)
        {
            throw DaprErrors.DirectInvoke(request.TargetAppId, "circuit breaker is open");
        }
        catch (ResiliencyTimeoutException error)
        {
            throw DaprErrors.DirectInvoke(request.TargetAppId, $"timeout after {error.Timeout.TotalSeconds} s");
        }
        catch (HttpRequestException error)
        {
            directory.Invalidate(request.TargetAppId);
            throw DaprErrors.DirectInvoke(request.TargetAppId, $"the sidecar of {request.TargetAppId} does not answer: {error.Message}");
        }
    }

    /// <summary>
    /// Not reaching the other sidecar is daprd's <c>Unavailable</c>, the one failure its built-in
    /// hop retry repeats; an app id nobody runs fails at once, as daprd's name resolution does.
    /// </summary>
    private static AttemptOutcome ClassifyFailure(Exception error) =>
        error is HttpRequestException ? AttemptOutcome.GrpcFailure(Grpc.Core.StatusCode.Unavailable) : AttemptOutcome.Failure;

    private async Task<HttpResponseMessage> SendOnceToPeerAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var target = directory.Find(request.TargetAppId)
            ?? throw DaprErrors.DirectInvoke(request.TargetAppId, $"couldn't find service: {request.TargetAppId}");
        if (inProcess.Find(target) is { } peer)
        {
            return await peer.ReceiveFromPeerAsync(request, options.AppId, cancellationToken);
        }
        var uri = new Uri($"http://127.0.0.1:{target.HttpPort}/v1.0/invoke/{Uri.EscapeDataString(request.TargetAppId)}/method/{request.Method.TrimStart('/')}{request.Query}");
        using var message = new HttpRequestMessage(request.Verb, uri);
        Fill(message, request);
        message.Headers.TryAddWithoutValidation(InternalTokenHeader, directory.InternalToken);
        message.Headers.TryAddWithoutValidation(CallerHeader, options.AppId);
        return await sidecars.SendAsync(message, cancellationToken);
    }

    /// <summary>
    /// What this sidecar does with a call a peer in the same process hands over: what
    /// <see cref="RelayAsync"/> does with one that arrives over HTTP (forwarded headers added, the
    /// caller named, sent to the app), and a failure answered as the HTTP endpoint would answer it,
    /// so the caller's resiliency sees the same status either way.
    /// </summary>
    private async Task<HttpResponseMessage> ReceiveFromPeerAsync(InvocationRequest request, string callerAppId, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Where(header => !NotForwarded.Contains(header.Name)).ToList();
        AddForwarded(headers, "127.0.0.1", $"127.0.0.1:{options.HttpPort}");
        try
        {
            return await SendToAppAsync(request with { Headers = headers, CallerAppId = callerAppId }, cancellationToken);
        }
        catch (DaprApiException error)
        {
            return new HttpResponseMessage((System.Net.HttpStatusCode)error.HttpStatus)
            {
                Content = JsonContent.Create(new { errorCode = error.ErrorCode, message = error.Message }),
            };
        }
    }

    private static void AddForwarded(List<(string Name, StringValues Values)> headers, string? forwardedFor, string forwardedHost)
    {
        headers.Add(("X-Forwarded-For", new StringValues(forwardedFor)));
        headers.Add(("X-Forwarded-Host", new StringValues(forwardedHost)));
    }

    private static void Fill(HttpRequestMessage message, InvocationRequest request)
    {
        if (request.Body.Length > 0 || request.Verb != HttpMethod.Get)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is { Length: > 0 } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }
        foreach (var (name, values) in request.Headers)
        {
            if (NotForwarded.Contains(name) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
        var traceParent = request.Headers.FirstOrDefault(h => h.Name.Equals("traceparent", StringComparison.OrdinalIgnoreCase)).Values.ToString();
        message.Headers.Remove("traceparent");
        message.Headers.TryAddWithoutValidation("traceparent", TraceParent.ChildOf(traceParent.Length == 0 ? null : traceParent));
    }

    private static async Task<byte[]> HttpRequestBody(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return buffer.ToArray();
    }
}

/// <summary>One invocation: <see cref="Verb"/> is the HTTP method, <see cref="Method"/> the target app's path (daprd's "method").</summary>
public sealed record InvocationRequest(
    HttpMethod Verb,
    string TargetAppId,
    string Method,
    string Query,
    IReadOnlyList<(string Name, StringValues Values)> Headers,
    byte[] Body,
    string? ContentType,
    string CallerAppId);
