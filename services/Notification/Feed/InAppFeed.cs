using Ecommerce.Notification.Dispatching;
using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;
using Ecommerce.ServiceDefaults.State;
using Microsoft.Extensions.Options;

namespace Ecommerce.Notification.Feed;

/// <summary>
/// The users' in-app feeds. Delivering to the feed is a state write, so the item and the delivery's "sent" are
/// one transaction: a redelivered event can never add the item twice. Live streams hear of it after the commit.
/// </summary>
public sealed class InAppFeed(ITransactionalStore store, DeliveryLedger ledger, FeedBroadcaster broadcaster, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public async Task<FeedDocument> GetAsync(string userId, CancellationToken cancellationToken) =>
        (await store.GetAsync<FeedDocument>(NotificationStateKeys.Feed(userId), cancellationToken))?.Value ?? FeedDocument.Empty;

    /// <summary>
    /// Adds the item and marks the claimed delivery sent, together. False when the claim was lost meanwhile. The first
    /// attempt starts from the feed in <paramref name="known"/> when it was read there; a conflict reads it again.
    /// </summary>
    public async Task<bool> DeliverAsync(DeliveryClaim claim, NotificationCategory category, string title, string body, StateReads known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(known);
        var record = claim.Record!;
        var key = NotificationStateKeys.Feed(record.UserId);
        var settings = options.Value;
        for (var attempt = 1; attempt <= settings.ConcurrencyAttempts; attempt++)
        {
            var current = attempt == 1 ? known.Get<FeedDocument>(key) : await store.GetAsync<FeedDocument>(key, cancellationToken);
            var feed = current?.Value ?? FeedDocument.Empty;
            var item = new FeedItem(FeedIds.Of(feed.LastSequence + 1), record.Id, category, record.EventType, title, body, clock.GetUtcNow(), null);
            if (await store.TryCommitAsync([StateChange.Write(key, feed.Add(item, settings.Feed.Limit), current?.ETag), ledger.Finish(claim, DeliveryState.Sent, null)], cancellationToken))
            {
                broadcaster.Publish(record.UserId, item);
                return true;
            }
            var delivery = await store.GetAsync<DeliveryRecord>(NotificationStateKeys.Delivery(record.Id), cancellationToken);
            if (delivery?.ETag != claim.ETag)
            {
                return false;
            }
            await ConcurrencyPause.WaitAsync(attempt, cancellationToken);
        }
        throw new InvalidOperationException($"The feed of a user kept changing for {settings.ConcurrencyAttempts} attempts.");
    }

    /// <summary>Marks one item (or every item) read. False when there is no such item; null when concurrent changes kept winning.</summary>
    public async Task<bool?> MarkReadAsync(string userId, string? id, CancellationToken cancellationToken)
    {
        var key = NotificationStateKeys.Feed(userId);
        for (var attempt = 1; attempt <= options.Value.ConcurrencyAttempts; attempt++)
        {
            var current = await store.GetAsync<FeedDocument>(key, cancellationToken);
            var feed = current?.Value ?? FeedDocument.Empty;
            if (id is not null && feed.Find(id) is null)
            {
                return false;
            }
            var changed = feed.MarkRead(item => id is null || item.Id == id, clock.GetUtcNow());
            if (current is null || changed.UnreadCount == feed.UnreadCount
                || await store.TryCommitAsync([new StateChange.Update(key, changed, current.ETag)], cancellationToken))
            {
                return true;
            }
            await ConcurrencyPause.WaitAsync(attempt, cancellationToken);
        }
        return null;
    }
}
