using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;
using Ecommerce.ServiceDefaults.State;
using Microsoft.Extensions.Options;

namespace Ecommerce.Notification.Dispatching;

/// <summary>
/// The delivery records: deduplication and history in one. A delivery is claimed before anything is sent — the
/// first claim inserts the record (first-write) and prepends it to the user's history in one transaction; a
/// later claim of a failed or abandoned one updates it against its ETag — so two concurrent deliveries of one
/// event cannot both send. The claimer then records the outcome against the ETag of its claim.
/// </summary>
public sealed class DeliveryLedger(ITransactionalStore store, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public async Task<DeliveryClaim> ClaimAsync(DeliveryRecord fresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        var settings = options.Value;
        var key = NotificationStateKeys.Delivery(fresh.Id);
        var historyKey = NotificationStateKeys.History(fresh.UserId);
        for (var attempt = 1; attempt <= settings.ConcurrencyAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var existing = await store.GetAsync<DeliveryRecord>(key, cancellationToken);
            StateChange[] changes;
            DeliveryRecord claimed;
            if (existing is null)
            {
                claimed = fresh with { Status = DeliveryState.Pending, Attempts = 1, CreatedAt = now, ClaimedAt = now };
                var history = await store.GetAsync<HistoryIndex>(historyKey, cancellationToken);
                changes =
                [
                    new StateChange.Insert(key, claimed, settings.RetainFor),
                    StateChange.Write(historyKey, (history?.Value ?? HistoryIndex.Empty).Prepend(fresh.Id, settings.HistoryLimit), history?.ETag),
                ];
            }
            else
            {
                var record = existing.Value;
                if (record.Status is DeliveryState.Sent or DeliveryState.Skipped)
                {
                    return DeliveryClaim.Done;
                }
                if (record.Status == DeliveryState.Pending && record.ClaimedAt is { } claimedAt && now - claimedAt < settings.ClaimLease)
                {
                    return DeliveryClaim.Busy;
                }
                // The recipient may have changed since (a new phone number): the claim records today's.
                claimed = record with { Status = DeliveryState.Pending, Attempts = record.Attempts + 1, Recipient = fresh.Recipient, ClaimedAt = now };
                changes = [new StateChange.Update(key, claimed, existing.ETag, settings.RetainFor)];
            }
            if (await store.TryCommitAsync(changes, cancellationToken))
            {
                var stored = await store.GetAsync<DeliveryRecord>(key, cancellationToken);
                return stored is not null && stored.Value.ClaimedAt == claimed.ClaimedAt && stored.Value.Status == DeliveryState.Pending
                    ? new DeliveryClaim(DeliveryClaimKind.Claimed, stored.Value, stored.ETag)
                    : DeliveryClaim.Busy;
            }
            await ConcurrencyPause.WaitAsync(attempt, cancellationToken);
        }
        return DeliveryClaim.Busy;
    }

    /// <summary>The claimed delivery's outcome, as the change to commit (alone, or with the feed item it adds).</summary>
    public StateChange Finish(DeliveryClaim claim, DeliveryState status, string? error)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var record = claim.Record ?? throw new InvalidOperationException("Only a claimed delivery can be finished.");
        var finished = record with
        {
            Status = status,
            Error = error,
            SentAt = status == DeliveryState.Sent ? clock.GetUtcNow() : record.SentAt,
            ClaimedAt = null,
        };
        return new StateChange.Update(NotificationStateKeys.Delivery(record.Id), finished, claim.ETag!, options.Value.RetainFor);
    }

    /// <summary>
    /// Records the outcome. False when the claim was lost meanwhile (the lease ran out and another attempt took
    /// over): that attempt's outcome stands.
    /// </summary>
    public Task<bool> FinishAsync(DeliveryClaim claim, DeliveryState status, string? error, CancellationToken cancellationToken) =>
        store.TryCommitAsync([Finish(claim, status, error)], cancellationToken);

    public async Task<HistoryPage> PageAsync(string userId, PagingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (page, size) = (query.PageOrDefault, query.PageSizeOrDefault);
        var index = (await store.GetAsync<HistoryIndex>(NotificationStateKeys.History(userId), cancellationToken))?.Value ?? HistoryIndex.Empty;
        var ids = index.DeliveryIds.Skip((page - 1) * size).Take(size).ToList();
        var records = (await store.GetManyAsync<DeliveryRecord>([.. ids.Select(NotificationStateKeys.Delivery)], cancellationToken))
            .ToDictionary(item => item.Value.Id, item => item.Value, StringComparer.Ordinal);
        // A record past its retention is gone: it is left out of the page.
        return new HistoryPage([.. ids.Where(records.ContainsKey).Select(id => HistoryItemView.From(records[id]))], page, size, index.DeliveryIds.Count);
    }
}
