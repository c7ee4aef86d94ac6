using System.Collections.Concurrent;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>
/// A small app under a real app id (catalog, pricing, ...) beside its own sidecar: it records every
/// request it gets and answers with <see cref="Respond"/>, which a test may change at any time
/// (fail, be slow, recover). The gateway reaches it by service invocation, as it reaches the real service.
/// </summary>
internal sealed class StandInApp : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly TestSidecar _sidecar;

    private StandInApp(LoopbackServer server, TestSidecar sidecar, ConcurrentQueue<RecordedRequest> requests, StandInResponder responder)
    {
        _server = server;
        _sidecar = sidecar;
        Requests = requests;
        Responder = responder;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; }

    private StandInResponder Responder { get; }

    public Func<RecordedRequest, CancellationToken, Task<IResult>> Respond
    {
        get => Responder.Respond;
        set => Responder.Respond = value;
    }

    public int CallsTo(string path) => Requests.Count(request => request.Path == path);

    public static async Task<StandInApp> StartAsync(string appId, SharedRuntime shared, Func<RecordedRequest, CancellationToken, Task<IResult>>? respond = null)
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        var responder = new StandInResponder { Respond = respond ?? ((_, _) => Task.FromResult(Results.Ok(new { ok = true }))) };
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/dapr/subscribe", () => Results.Json(Array.Empty<object>()));
            app.Map("/{**path}", async (HttpContext http) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                var recorded = new RecordedRequest(
                    http.Request.Method,
                    http.Request.Path.Value ?? "",
                    http.Request.QueryString.Value ?? "",
                    http.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                    await reader.ReadToEndAsync(http.RequestAborted));
                requests.Enqueue(recorded);
                return await responder.Respond(recorded, http.RequestAborted);
            });
        });
        var sidecar = await TestSidecar.StartAsync("", appId: appId, appPort: server.Address.Port, shared: shared);
        return new StandInApp(server, sidecar, requests, responder);
    }

    public async ValueTask DisposeAsync()
    {
        await _sidecar.DisposeAsync();
        await _server.DisposeAsync();
    }

    private sealed class StandInResponder
    {
        public required Func<RecordedRequest, CancellationToken, Task<IResult>> Respond { get; set; }
    }
}
