using System.Text.Json.Nodes;
using Ecommerce.DaprLocal.PubSub;
using Ecommerce.DaprLocal.Resiliency;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.DaprLocal.Subscriptions;

namespace Ecommerce.DaprLocal.Api;

/// <summary>The publish side of pub/sub behind both APIs: validation, the CloudEvent envelope, the broker.</summary>
public sealed class PublishApi(ComponentRegistry components, SidecarOptions options, ResiliencyPolicies resiliency)
{
    /// <summary>Request metadata consumed by the sidecar itself rather than passed to the broker.</summary>
    private static readonly string[] SidecarMetadataPrefixes = ["cloudevent."];
    private static readonly string[] SidecarMetadataKeys = ["rawPayload"];

    public async Task PublishAsync(
        string pubsubName, string topic, byte[] data, string? contentType, IReadOnlyDictionary<string, string> metadata,
        string? traceParent, string? traceState, CancellationToken cancellationToken)
    {
        var pubsub = Resolve(pubsubName, topic);
        var message = BuildMessage(pubsubName, topic, data, contentType, metadata, traceParent, traceState);
        await SendAsync(pubsub, message, cancellationToken);
    }

    /// <summary>Publishes each entry on its own; answers the ids of those that failed, with why.</summary>
    public async Task<IReadOnlyList<(string EntryId, string Error)>> BulkPublishAsync(
        string pubsubName, string topic, IReadOnlyList<BulkPublishEntry> entries, IReadOnlyDictionary<string, string> metadata,
        string? traceParent, CancellationToken cancellationToken)
    {
        var pubsub = Resolve(pubsubName, topic);
        var failed = new List<(string, string)>();
        foreach (var entry in entries)
        {
            var merged = new Dictionary<string, string>(metadata, StringComparer.Ordinal);
            foreach (var (key, value) in entry.Metadata)
            {
                merged[key] = value;
            }
            try
            {
                var message = BuildMessage(pubsubName, topic, entry.Data, entry.ContentType, merged, traceParent, null);
                await SendAsync(pubsub, message, cancellationToken);
            }
            catch (DaprApiException error)
            {
                failed.Add((entry.EntryId, error.Message));
            }
        }
        return failed;
    }

    /// <summary>Publishes an envelope built elsewhere (the outbox, dead letters) as it is.</summary>
    public Task PublishEnvelopeAsync(string pubsubName, string topic, byte[] envelope, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var pubsub = Resolve(pubsubName, topic);
        return SendAsync(pubsub, new PubSubMessage(topic, envelope, CloudEvents.ContentType, BrokerMetadata(pubsubName, metadata)), cancellationToken);
    }

    public PubSubComponent Resolve(string pubsubName, string topic)
    {
        if (components.PubSubs.Count == 0)
        {
            throw DaprErrors.PubSubNotConfigured();
        }
        if (string.IsNullOrEmpty(pubsubName))
        {
            throw DaprErrors.PubSubEmpty();
        }
        if (!components.PubSubs.TryGetValue(pubsubName, out var pubsub))
        {
            throw DaprErrors.PubSubNotFound(pubsubName);
        }
        if (string.IsNullOrEmpty(topic))
        {
            throw DaprErrors.TopicEmpty(pubsubName);
        }
        return pubsub;
    }

    private PubSubMessage BuildMessage(
        string pubsubName, string topic, byte[] data, string? contentType, IReadOnlyDictionary<string, string> metadata, string? traceParent, string? traceState)
    {
        var raw = false;
        if (metadata.TryGetValue("rawPayload", out var rawText) && !bool.TryParse(rawText, out raw))
        {
            throw DaprErrors.PubSubMetadata($"rawPayload must be true or false, not '{rawText}'");
        }
        var brokerMetadata = BrokerMetadata(pubsubName, metadata);
        if (raw)
        {
            return new PubSubMessage(topic, data, contentType ?? "application/octet-stream", brokerMetadata);
        }
        JsonObject envelope = CloudEvents.Create(options.AppId, pubsubName, topic, data, contentType, metadata, TraceParent.ChildOf(traceParent), traceState);
        return new PubSubMessage(topic, System.Text.Encoding.UTF8.GetBytes(envelope.ToJsonString()), CloudEvents.ContentType, brokerMetadata);
    }

    private static Dictionary<string, string> BrokerMetadata(string pubsubName, IReadOnlyDictionary<string, string> metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            if (!SidecarMetadataKeys.Contains(key, StringComparer.OrdinalIgnoreCase)
                && !SidecarMetadataPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                result[key] = value;
            }
        }
        result["pubsubName"] = pubsubName;
        return result;
    }

    private async Task SendAsync(PubSubComponent pubsub, PubSubMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await resiliency.ForComponentOutbound(pubsub.Definition.Name, ComponentKind.PubSub)
                .ExecuteAsync(token => pubsub.Broker.PublishAsync(message, token), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException and not DaprApiException)
        {
            throw DaprErrors.Publish(pubsub.Definition.Name, message.Topic, error);
        }
    }
}

public sealed record BulkPublishEntry(string EntryId, byte[] Data, string? ContentType, IReadOnlyDictionary<string, string> Metadata);
