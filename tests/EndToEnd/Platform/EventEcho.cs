using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.Contracts;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ecommerce.EndToEnd.Tests.Platform;

/// <summary>
/// Makes every event of the platform arrive twice: an app of its own, beside its own sidecar, that
/// subscribes to every topic of <see cref="Topics"/> and publishes each message once more with the same
/// payload (so the same <c>eventId</c>), as a broker redelivering after a lost acknowledgement would.
/// Every subscriber then sees each event twice and has to have no double effect.
/// </summary>
internal sealed class EventEcho : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private TestSidecar? _sidecar;
    private int _echoed;

    public const string AppId = "e2e-event-echo";

    /// <summary>How many events were published a second time.</summary>
    public int Echoed => Volatile.Read(ref _echoed);

    public static IReadOnlyList<(string PubSub, string Topic)> Subscriptions { get; } =
        [.. typeof(Topics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Select(topic => (topic == Topics.NotificationsRequested ? Components.TasksPubSub : Components.EventsPubSub, topic))];

    public async Task StartAsync(string pubSubComponentsYaml, Ecommerce.DaprLocal.Runtime.SharedRuntime shared)
    {
        var port = TestSidecar.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.MapGet("/dapr/subscribe", () => Subscriptions.Select(s => new { pubsubname = s.PubSub, topic = s.Topic, route = $"/echo/{s.PubSub}/{s.Topic}" }));
        _app.MapPost("/echo/{pubsub}/{topic}", EchoAsync);
        await _app.StartAsync();
        _sidecar = await TestSidecar.StartAsync(pubSubComponentsYaml, appId: AppId, appPort: port, shared: shared);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> EchoAsync(string pubsub, string topic, HttpRequest request)
    {
        var cloudEvent = await JsonNode.ParseAsync(request.Body);
        var data = cloudEvent?["data"];
        var eventId = data?["eventId"]?.GetValue<string>();
        // Only the first copy is echoed: the echo's own copy comes back here too.
        if (data is null || eventId is null || !_seen.TryAdd($"{topic}|{eventId}", true))
        {
            return Results.Ok();
        }
        await _sidecar!.Client.PublishByteEventAsync(pubsub, topic, JsonSerializer.SerializeToUtf8Bytes(data), "application/json");
        Interlocked.Increment(ref _echoed);
        return Results.Ok();
    }
}
