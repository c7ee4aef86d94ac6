namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// One pub/sub component (<c>pubsub.*</c>): a broker that moves opaque bytes. The sidecar builds
/// the CloudEvent before <see cref="PublishAsync"/> and delivers to the app inside the handler;
/// the broker only guarantees at-least-once delivery per consumer group:
/// <list type="bullet">
/// <item>Every consumer group subscribed to a topic gets every message published after it subscribed
/// (brokers that keep messages durably also deliver what was published while the group was away).</item>
/// <item>Subscribers of one group on one topic compete: each message goes to one of them.</item>
/// <item><see cref="DeliveryResult.Success"/> and <see cref="DeliveryResult.Drop"/> acknowledge the
/// message; <see cref="DeliveryResult.Retry"/> (or a handler exception) leaves it to be delivered again later.</item>
/// </list>
/// </summary>
public interface IPubSub : IAsyncDisposable
{
    /// <summary>Connects and checks the server. Called once before any other member.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task PublishAsync(PubSubMessage message, CancellationToken cancellationToken);

    /// <summary>Starts delivering <paramref name="topic"/> to <paramref name="consumerGroup"/>; disposing the result stops it.</summary>
    Task<IAsyncDisposable> SubscribeAsync(
        string topic,
        string consumerGroup,
        Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> handler,
        CancellationToken cancellationToken);
}

/// <summary>What travels through the broker: the payload (usually a serialized CloudEvent) and its metadata.</summary>
public sealed record PubSubMessage(
    string Topic,
    byte[] Data,
    string ContentType,
    IReadOnlyDictionary<string, string> Metadata);

public enum DeliveryResult
{
    Success,
    Retry,
    Drop,
}
