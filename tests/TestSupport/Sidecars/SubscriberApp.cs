using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.TestSupport.Sidecars;

/// <summary>
/// An app subscribed through Dapr.AspNetCore (<c>MapSubscribeHandler</c> + <c>WithTopic</c>), recording
/// every CloudEvent it receives per route and answering what the test tells it to.
/// </summary>
public sealed class SubscriberApp : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private SubscriberApp(LoopbackServer server, ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> received)
    {
        _server = server;
        Received = received;
    }

    public ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> Received { get; }

    public int Port => _server.Address.Port;

    public ConcurrentQueue<JsonObject> At(string route) => Received.GetOrAdd(route, _ => new ConcurrentQueue<JsonObject>());

    /// <param name="routes">Each route with its topic options and the answer it gives to the n-th delivery (1-based).</param>
    public static async Task<SubscriberApp> StartAsync(params (string Route, TopicOptions Topic, Func<int, IResult> Answer)[] routes)
    {
        var received = new ConcurrentDictionary<string, ConcurrentQueue<JsonObject>>();
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapSubscribeHandler();
            foreach (var (route, topic, answer) in routes)
            {
                var queue = received.GetOrAdd(route, _ => new ConcurrentQueue<JsonObject>());
                // The envelope is read as it arrives (no UseCloudEvents), to check what the sidecar built.
                app.MapPost(route, async (HttpRequest request) =>
                {
                    var envelope = (JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject)!;
                    queue.Enqueue(envelope);
                    return answer(queue.Count);
                }).WithTopic(topic);
            }
        });
        return new SubscriberApp(server, received);
    }

    /// <summary>An app that records what arrives on <paramref name="routes"/> but declares no topics itself (for declarative subscriptions).</summary>
    public static async Task<SubscriberApp> StartWithoutTopicsAsync(params string[] routes)
    {
        var received = new ConcurrentDictionary<string, ConcurrentQueue<JsonObject>>();
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapSubscribeHandler();
            foreach (var route in routes)
            {
                var queue = received.GetOrAdd(route, _ => new ConcurrentQueue<JsonObject>());
                app.MapPost(route, async (HttpRequest request) =>
                {
                    queue.Enqueue((JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject)!);
                    return Results.Ok();
                });
            }
        });
        return new SubscriberApp(server, received);
    }

    public static TopicOptions Topic(string pubsub, string topic, string? deadLetter = null, string? match = null, int priority = 0) =>
        new() { PubsubName = pubsub, Name = topic, DeadLetterTopic = deadLetter, Match = match, Priority = priority };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
