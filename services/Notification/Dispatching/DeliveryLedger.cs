using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;
using Ecommerce.ServiceDefaults.State;
using Microsoft.Extensions.Options;

namespace Ecommerce.Notification.Dispatching;

/// <summary>
/// The delivery records: deduplication and history in one. Deliveries are claimed before anything is sent — a new
/// one is inserted (first-write) and prepended to its user's history, a failed or abandoned one is updated against
/// its ETag, all the deliveries of one event in one transaction — so two concurrent deliveries of one event cannot
/// both send. The claimer then records each outcome against the ETag of its claim.
/// </summary>
public sealed class DeliveryLedger(ITransactionalStore store, TimeProvider clock, IOptions<NotificationOptions> options)
{
    /// <summary>
    /// Claims the deliveries (the claims in the same order). A delivery with a skip reason is recorded as skipped in
    /// the same transaction and comes back done: nothing is to be sent for it. <paramref name="known"/> is what the
    /// caller read already (the records and the history); the store is read again only after a conflict.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryClaim>> ClaimAsync(IReadOnlyList<DeliveryRequest> requests, StateReads? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var settings = options.Value;
        IReadOnlyCollection<string> keys =
        [
            .. requests.Select(request => NotificationStateKeys.Delivery(request.Fresh.Id)),
            .. requests.Select(request => NotificationStateKeys.History(request.Fresh.UserId)).Distinct(StringComparer.Ordinal),
        ];
        for (var attempt = 1; attempt <= settings.ConcurrencyAttempts; attempt++)
        {
            var reads = attempt == 1 && known is not null ? known : await store.ReadAsync(keys, cancellationToken);
            var now = clock.GetUtcNow();
            var claims = new DeliveryClaim[requests.Count];
            var changes = new List<StateChange>();
            var histories = new Dictionary<string, (HistoryIndex Index, string? ETag)>(StringComparer.Ordinal);
            for (var i = 0; i < requests.Count; i++)
            {
                var (fresh, skip) = requests[i];
                var key = NotificationStateKeys.Delivery(fresh.Id);
                var existing = reads.Get<DeliveryRecord>(key);
                if (existing?.Value is { Status: DeliveryState.Sent or DeliveryState.Skipped })
                {
                    claims[i] = DeliveryClaim.Done;
                    continue;
                }
                if (existing?.Value is { Status: DeliveryState.Pending, ClaimedAt: { } claimedAt } && now - claimedAt < settings.ClaimLease)
                {
                    claims[i] = DeliveryClaim.Busy;
                    continue;
                }
                // The recipient may have changed since (a new phone number): the claim records today's.
                var record = existing is null
                    ? fresh with { Attempts = 1, CreatedAt = now }
                    : existing.Value with { Attempts = existing.Value.Attempts + 1, Recipient = fresh.Recipient };
                record = skip is null
                    ? record with { Status = DeliveryState.Pending, ClaimedAt = now }
                    : record with { Status = DeliveryState.Skipped, Error = skip, ClaimedAt = null };
                if (existing is null)
                {
                    changes.Add(new StateChange.Insert(key, record, settings.RetainFor));
                    var historyKey = NotificationStateKeys.History(fresh.UserId);
                    var history = histories.TryGetValue(historyKey, out var changed)
                        ? changed
                        : reads.Get<HistoryIndex>(historyKey) is { } stored ? (Index: stored.Value, ETag: stored.ETag) : (Index: HistoryIndex.Empty, ETag: null);
                    histories[historyKey] = (history.Index.Prepend(fresh.Id, settings.HistoryLimit), history.ETag);
                }
                else
                {
                    changes.Add(new StateChange.Update(key, record, existing.ETag, settings.RetainFor));
                }
                claims[i] = skip is null ? new DeliveryClaim(DeliveryClaimKind.Claimed, record) : DeliveryClaim.Done;
            }
            changes.AddRange(histories.Select(history => StateChange.Write(history.Key, history.Value.Index, history.Value.ETag)));
            if (changes.Count == 0)
            {
                return claims;
            }
            if (await store.TryCommitAsync(changes, cancellationToken))
            {
                return await WithETagsAsync(claims, cancellationToken);
            }
            await ConcurrencyPause.WaitAsync(attempt, cancellationToken);
        }
        return [.. requests.Select(_ => DeliveryClaim.Busy)];
    }

    /// <summary>
    /// The committed claims with the ETags they were stored at (a transaction does not answer them), read in one go.
    /// A claim no longer stored as committed was taken over meanwhile: busy.
    /// </summary>
    private async Task<IReadOnlyList<DeliveryClaim>> WithETagsAsync(DeliveryClaim[] claims, CancellationToken cancellationToken)
    {
        var claimed = claims.Where(claim => claim.Kind == DeliveryClaimKind.Claimed).Select(claim => NotificationStateKeys.Delivery(claim.Record!.Id)).ToList();
        if (claimed.Count == 0)
        {
            return claims;
        }
        var stored = await store.ReadAsync(claimed, cancellationToken);
        return [.. claims.Select(claim =>
        {
            if (claim.Kind != DeliveryClaimKind.Claimed)
            {
                return claim;
            }
            var now = stored.Get<DeliveryRecord>(NotificationStateKeys.Delivery(claim.Record!.Id));
            return now is not null && now.Value.ClaimedAt == claim.Record.ClaimedAt && now.Value.Status == DeliveryState.Pending
                ? new DeliveryClaim(DeliveryClaimKind.Claimed, now.Value, now.ETag)
                : DeliveryClaim.Busy;
        })];
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
