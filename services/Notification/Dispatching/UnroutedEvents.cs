using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;
using Ecommerce.ServiceDefaults.State;
using Microsoft.Extensions.Options;

namespace Ecommerce.Notification.Dispatching;

/// <summary>
/// Events that name an order whose customer is not known yet: <c>shipments.*</c> and <c>payments.refunded</c>
/// can overtake the order's own events (other topics, other partitions). They are answered RETRY a bounded number
/// of times (<see cref="NotificationOptions.UnknownOrderAttempts"/>), then dropped with a warning rather than
/// redelivered for ever.
/// </summary>
public sealed partial class UnroutedEvents(ITransactionalStore store, IOptions<NotificationOptions> options, ILogger<UnroutedEvents> logger)
{
    private static readonly TimeSpan Remember = TimeSpan.FromDays(1);

    public async Task<DispatchOutcome> RetryOrDropAsync(string topic, string businessKey, string orderId, CancellationToken cancellationToken)
    {
        var key = NotificationStateKeys.Unrouted(DeliveryIds.Digest($"{topic}\n{businessKey}"));
        var current = await store.GetAsync<UnroutedAttempts>(key, cancellationToken);
        var attempts = (current?.Value.Attempts ?? 0) + 1;
        if (attempts > options.Value.UnknownOrderAttempts)
        {
            LogDropped(logger, topic, orderId, attempts - 1);
            return DispatchOutcome.Drop;
        }
        // A lost race only miscounts by one: the bound stays a bound.
        await store.TryCommitAsync([StateChange.Write(key, new UnroutedAttempts(attempts), current?.ETag, Remember)], cancellationToken);
        LogWaiting(logger, topic, orderId, attempts);
        return DispatchOutcome.Retry;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Topic} names order {OrderId}, whose customer is not known yet (delivery {Attempt}); asking for a redelivery")]
    private static partial void LogWaiting(ILogger logger, string topic, string orderId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Topic} for order {OrderId}: its customer is still unknown after {Attempts} deliveries (no orders.* event for it)")]
    private static partial void LogDropped(ILogger logger, string topic, string orderId, int attempts);

    private sealed record UnroutedAttempts(int Attempts);
}
