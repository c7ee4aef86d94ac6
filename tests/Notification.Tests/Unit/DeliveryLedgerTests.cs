using Ecommerce.Notification.Dispatching;
using Ecommerce.Notification.Model;
using Ecommerce.Notification.Tests.Fakes;
using Ecommerce.TestSupport;
using Microsoft.Extensions.Options;

namespace Ecommerce.Notification.Tests.Unit;

/// <summary>The deduplication: claim first-write, finish against the claim, retry what failed or was abandoned.</summary>
public sealed class DeliveryLedgerTests
{
    private readonly InMemoryTransactionalStore _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly DeliveryLedger _ledger;

    public DeliveryLedgerTests() =>
        _ledger = new DeliveryLedger(_store, _clock, Options.Create(new NotificationOptions { ClaimLease = TimeSpan.FromSeconds(30), HistoryLimit = 3 }));

    [Fact]
    public async Task A_sent_delivery_is_done_for_every_later_claim()
    {
        var claim = await _ledger.ClaimAsync(Fresh("d1"), CancellationToken.None);
        Assert.Equal(DeliveryClaimKind.Claimed, claim.Kind);
        Assert.Equal(1, claim.Record!.Attempts);
        Assert.True(await _ledger.FinishAsync(claim, DeliveryState.Sent, null, CancellationToken.None));

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(DeliveryClaimKind.Done, (await _ledger.ClaimAsync(Fresh("d1"), CancellationToken.None)).Kind);
    }

    [Fact]
    public async Task A_skipped_delivery_is_done_too_and_a_failed_one_is_claimed_again_with_one_more_attempt()
    {
        var skipped = await _ledger.ClaimAsync(Fresh("skip"), CancellationToken.None);
        await _ledger.FinishAsync(skipped, DeliveryState.Skipped, "opted out", CancellationToken.None);
        Assert.Equal(DeliveryClaimKind.Done, (await _ledger.ClaimAsync(Fresh("skip"), CancellationToken.None)).Kind);

        var failed = await _ledger.ClaimAsync(Fresh("fail"), CancellationToken.None);
        await _ledger.FinishAsync(failed, DeliveryState.Failed, "unavailable", CancellationToken.None);
        var again = await _ledger.ClaimAsync(Fresh("fail"), CancellationToken.None);
        Assert.Equal(DeliveryClaimKind.Claimed, again.Kind);
        Assert.Equal(2, again.Record!.Attempts);
    }

    [Fact]
    public async Task A_fresh_pending_claim_is_busy_and_an_abandoned_one_is_taken_over_and_the_old_claimant_cannot_finish()
    {
        var first = await _ledger.ClaimAsync(Fresh("d2"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(DeliveryClaimKind.Busy, (await _ledger.ClaimAsync(Fresh("d2"), CancellationToken.None)).Kind);

        _clock.Advance(TimeSpan.FromSeconds(30));
        var takeover = await _ledger.ClaimAsync(Fresh("d2"), CancellationToken.None);
        Assert.Equal(DeliveryClaimKind.Claimed, takeover.Kind);
        Assert.Equal(2, takeover.Record!.Attempts);
        Assert.False(await _ledger.FinishAsync(first, DeliveryState.Sent, null, CancellationToken.None));
        Assert.True(await _ledger.FinishAsync(takeover, DeliveryState.Sent, null, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_delivery_give_one_claimant()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _ledger.ClaimAsync(Fresh("race"), CancellationToken.None))));

        Assert.Single(claims, claim => claim.Kind == DeliveryClaimKind.Claimed);
        Assert.All(claims.Where(claim => claim.Kind != DeliveryClaimKind.Claimed), claim => Assert.Equal(DeliveryClaimKind.Busy, claim.Kind));
    }

    [Fact]
    public async Task History_lists_each_delivery_once_newest_first_up_to_the_limit()
    {
        foreach (var id in new[] { "h1", "h2", "h3", "h4" })
        {
            var claim = await _ledger.ClaimAsync(Fresh(id), CancellationToken.None);
            await _ledger.FinishAsync(claim, DeliveryState.Failed, "x", CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        await _ledger.ClaimAsync(Fresh("h4"), CancellationToken.None);

        var page = await _ledger.PageAsync("user-1", new PagingQuery(1, 10), CancellationToken.None);
        Assert.Equal(["h4", "h3", "h2"], page.Items.Select(item => item.Id));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(DeliveryState.Pending, page.Items[0].Status);
    }

    private static DeliveryRecord Fresh(string id) =>
        new(id, "user-1", "orders.confirmed", DeliveryChannel.Email, "u***@example.com", DeliveryState.Pending, 0, null, DateTimeOffset.MinValue, null, null);
}
