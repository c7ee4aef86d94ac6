namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// One in-memory pub/sub: per topic, one <see cref="InMemoryGroupQueue"/> per consumer group that
/// ever subscribed. A group's queue outlives its subscribers, so a group that comes back (an app
/// restarted inside the same runner) gets what was published while it was away, as with a
/// durable broker; messages published to a topic no group has subscribed to are dropped.
/// </summary>
internal sealed class InMemoryBroker
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, InMemoryGroupQueue>> _groupsByTopic = new(StringComparer.Ordinal);

    public InMemoryGroupQueue JoinGroup(string topic, string consumerGroup)
    {
        lock (_lock)
        {
            if (!_groupsByTopic.TryGetValue(topic, out var groups))
            {
                groups = new Dictionary<string, InMemoryGroupQueue>(StringComparer.Ordinal);
                _groupsByTopic.Add(topic, groups);
            }
            if (!groups.TryGetValue(consumerGroup, out var queue))
            {
                queue = new InMemoryGroupQueue();
                groups.Add(consumerGroup, queue);
            }
            return queue;
        }
    }

    public void Publish(PubSubMessage message)
    {
        InMemoryGroupQueue[] queues;
        lock (_lock)
        {
            queues = _groupsByTopic.TryGetValue(message.Topic, out var groups) ? [.. groups.Values] : [];
        }
        foreach (var queue in queues)
        {
            // Each group gets its own copy: a handler that mutates its bytes must not change what
            // another group (in another app) receives.
            queue.Enqueue(new InMemoryDelivery(message with { Data = [.. message.Data] }, FailedAttempts: 0));
        }
    }
}
