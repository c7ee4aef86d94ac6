using System.Threading.Channels;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// The messages of one (topic, consumer group). Every subscriber of the group reads from the same
/// queue, so they compete. A message to retry goes back in after a delay that grows from 1 s to
/// 10 s and is retried forever: the sidecar's resiliency policy and dead-letter topic decide when
/// to give up, the broker only keeps the message (at-least-once).
/// </summary>
internal sealed class InMemoryGroupQueue
{
    private static readonly TimeSpan _firstRedeliveryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _longestRedeliveryDelay = TimeSpan.FromSeconds(10);

    private readonly Channel<InMemoryDelivery> _deliveries = Channel.CreateUnbounded<InMemoryDelivery>();

    /// <summary>Unbounded: never refuses a message.</summary>
    public void Enqueue(InMemoryDelivery delivery) => _deliveries.Writer.TryWrite(delivery);

    public ValueTask<InMemoryDelivery> DequeueAsync(CancellationToken cancellationToken) =>
        _deliveries.Reader.ReadAsync(cancellationToken);

    /// <summary>
    /// Puts the message back after its redelivery delay. The wait belongs to the group, not to the
    /// subscriber that failed, so the message survives that subscriber being disposed meanwhile.
    /// </summary>
    public void RedeliverLater(InMemoryDelivery delivery)
    {
        var retried = delivery with { FailedAttempts = delivery.FailedAttempts + 1 };
        _ = EnqueueAfterAsync(retried, RedeliveryDelay(retried.FailedAttempts));
    }

    /// <summary>1 s, 2 s, 4 s, 8 s, then 10 s for every later attempt.</summary>
    public static TimeSpan RedeliveryDelay(int failedAttempts)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 4);
        var delay = _firstRedeliveryDelay * (1 << doublings);
        return delay < _longestRedeliveryDelay ? delay : _longestRedeliveryDelay;
    }

    private async Task EnqueueAfterAsync(InMemoryDelivery delivery, TimeSpan delay)
    {
        await Task.Delay(delay);
        Enqueue(delivery);
    }
}
