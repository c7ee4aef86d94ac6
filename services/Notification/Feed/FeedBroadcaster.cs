using System.Collections.Concurrent;
using System.Threading.Channels;
using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Feed;

/// <summary>
/// Live feed items for the event streams open on this replica, per user. It is in-process only: with several
/// replicas a stream open on another one does not hear of the item at once; it finds it in the stored feed at its
/// next heartbeat (<see cref="FeedOptions.HeartbeatInterval"/>), and a client that reconnects with
/// <c>Last-Event-ID</c> gets everything it missed.
/// </summary>
public sealed class FeedBroadcaster
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<FeedItem>>> _listeners = new(StringComparer.Ordinal);

    /// <summary>A listener for the user's new items; dispose it when the stream ends.</summary>
    public FeedSubscription Subscribe(string userId)
    {
        var id = Guid.NewGuid();
        // Bounded, dropping the oldest: a stalled client must not hold memory; it catches up on reconnect.
        var channel = Channel.CreateBounded<FeedItem>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _listeners.GetOrAdd(userId, _ => new ConcurrentDictionary<Guid, Channel<FeedItem>>())[id] = channel;
        return new FeedSubscription(channel.Reader, () =>
        {
            if (_listeners.TryGetValue(userId, out var mine))
            {
                mine.TryRemove(id, out _);
            }
        });
    }

    public void Publish(string userId, FeedItem item)
    {
        if (_listeners.TryGetValue(userId, out var listeners))
        {
            foreach (var channel in listeners.Values)
            {
                channel.Writer.TryWrite(item);
            }
        }
    }
}

/// <summary>One stream's view of <see cref="FeedBroadcaster"/>.</summary>
public sealed class FeedSubscription(ChannelReader<FeedItem> items, Action unsubscribe) : IDisposable
{
    public ChannelReader<FeedItem> Items { get; } = items;

    public void Dispose() => unsubscribe();
}
