using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.DaprLocal.Api;
using Ecommerce.DaprLocal.PubSub;
using Ecommerce.DaprLocal.State;
using Ecommerce.DaprLocal.Subscriptions;

namespace Ecommerce.DaprLocal.Runtime;

/// <summary>
/// Dapr's transactional outbox, done the way daprd does it so that state and event are both
/// committed or neither, whichever process dies when:
/// <list type="number">
/// <item>before committing, the events of the transaction's upserts go to the internal topic
/// <c>&lt;appid&gt;&lt;topic&gt;outbox</c> together with the key of a marker;</item>
/// <item>the marker is written in the same state transaction as the upserts;</item>
/// <item>the sidecar's own subscriber on the internal topic publishes the events to the outbox
/// topic only once it sees the marker, then deletes it. A marker that never appears means the
/// transaction failed: the hand-over is dropped (at once with <c>outboxDiscardWhenMissingState</c>,
/// otherwise after <see cref="MissingStateGracePeriod"/>).</item>
/// </list>
/// An upsert with metadata <c>outbox.projection: "true"</c> is not saved: its value is what gets
/// published for the upsert of the same key.
/// </summary>
public sealed class Outbox(ComponentRegistry components, PublishApi publisher, SidecarOptions options, ILogger<Outbox> logger)
{
    public static readonly TimeSpan MissingStateGracePeriod = TimeSpan.FromSeconds(30);

    private const string ProjectionKey = "outbox.projection";

    public async Task CommitAsync(
        StateStoreComponent store, List<StateOperation> operations, IReadOnlyList<StateTransactionRequest> requests, CancellationToken cancellationToken)
    {
        var outbox = store.Outbox ?? throw new InvalidOperationException($"state store {store.Definition.Name} has no outbox.");
        var projections = new Dictionary<string, StateSaveRequest>(StringComparer.Ordinal);
        var saved = new List<StateOperation>();
        var events = new List<JsonObject>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (request.Operation == "upsert" && request.Item.Metadata.TryGetValue(ProjectionKey, out var projection) && bool.TryParse(projection, out var isProjection) && isProjection)
            {
                projections[request.Item.Key] = request.Item;
            }
            else
            {
                saved.Add(operations[i]);
            }
        }
        foreach (var request in requests.Where(r => r.Operation == "upsert" && !projections.ContainsValue(r.Item)))
        {
            var source = projections.GetValueOrDefault(request.Item.Key) ?? request.Item;
            source.Metadata.TryGetValue("contentType", out var contentType);
            var cloudEventMetadata = source.Metadata
                .Where(pair => pair.Key.StartsWith("cloudevent.", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
            events.Add(CloudEvents.Create(options.AppId, outbox.PublishPubSub, outbox.PublishTopic, source.Value, contentType, cloudEventMetadata, TraceParent.ChildOf(null), null));
        }

        if (events.Count == 0)
        {
            await store.Store.TransactAsync(saved, cancellationToken);
            return;
        }

        var marker = store.KeyPrefix.KeyPrefix + "outbox-" + Guid.NewGuid().ToString("N");
        var handOver = new JsonObject
        {
            ["marker"] = marker,
            ["store"] = store.Definition.Name,
            ["created"] = DateTimeOffset.UtcNow,
            ["events"] = new JsonArray(events.ToArray<JsonNode?>()),
        };
        await publisher.PublishEnvelopeAsync(outbox.InternalPubSub, InternalTopic(outbox), Encoding.UTF8.GetBytes(handOver.ToJsonString()), new Dictionary<string, string>(), cancellationToken);
        saved.Add(new StateOperation.Upsert(new StateWrite(marker, "1"u8.ToArray())));
        await store.Store.TransactAsync(saved, cancellationToken);
    }

    /// <summary>Starts the internal subscribers of every store that has an outbox.</summary>
    public async Task<IReadOnlyList<IAsyncDisposable>> StartAsync(CancellationToken cancellationToken)
    {
        var subscriptions = new List<IAsyncDisposable>();
        foreach (var store in components.StateStores.Values.Where(s => s.Outbox is not null))
        {
            var outbox = store.Outbox!;
            var pubsub = components.PubSubs[outbox.InternalPubSub];
            subscriptions.Add(await pubsub.Broker.SubscribeAsync(
                InternalTopic(outbox), options.AppId, (message, token) => ForwardAsync(store, outbox, message, token), cancellationToken));
        }
        return subscriptions;
    }

    private string InternalTopic(OutboxSettings outbox) =>
        $"{Environment.GetEnvironmentVariable("NAMESPACE")}{options.AppId}{outbox.PublishTopic}outbox";

    private async Task<DeliveryResult> ForwardAsync(StateStoreComponent store, OutboxSettings outbox, PubSubMessage message, CancellationToken cancellationToken)
    {
        var handOver = CloudEvents.ParseObject(message.Data);
        if (handOver?["marker"]?.GetValue<string>() is not { } marker || handOver["events"] is not JsonArray events)
        {
            SidecarLog.OutboxMalformed(logger, store.Definition.Name);
            return DeliveryResult.Drop;
        }

        if (await store.Store.GetAsync(marker, cancellationToken) is null)
        {
            var created = handOver["created"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.MinValue;
            if (outbox.DiscardWhenMissingState || DateTimeOffset.UtcNow - created > MissingStateGracePeriod)
            {
                SidecarLog.OutboxDiscarded(logger, store.Definition.Name, marker);
                return DeliveryResult.Drop;
            }
            // The transaction may not have committed yet: look again later.
            return DeliveryResult.Retry;
        }

        foreach (var cloudEvent in events.OfType<JsonObject>())
        {
            await publisher.PublishEnvelopeAsync(outbox.PublishPubSub, outbox.PublishTopic, JsonSerializer.SerializeToUtf8Bytes(cloudEvent), new Dictionary<string, string>(), cancellationToken);
        }
        await store.Store.DeleteAsync(new StateDelete(marker), cancellationToken);
        return DeliveryResult.Success;
    }
}
