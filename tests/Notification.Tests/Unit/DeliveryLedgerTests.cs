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
        var claim = await ClaimAsync("d1");
        Assert.Equal(DeliveryClaimKind.Claimed, claim.Kind);
        Assert.Equal(1, claim.Record!.Attempts);
        Assert.True(await _ledger.FinishAsync(claim, DeliveryState.Sent, null, CancellationToken.None));

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(DeliveryClaimKind.Done, (await ClaimAsync("d1")).Kind);
    }

    [Fact]
    public async Task A_skipped_delivery_is_done_too_and_a_failed_one_is_claimed_again_with_one_more_attempt()
    {
        var skipped = await ClaimAsync("skip");
        await _ledger.FinishAsync(skipped, DeliveryState.Skipped, "opted out", CancellationToken.None);
        Assert.Equal(DeliveryClaimKind.Done, (await ClaimAsync("skip")).Kind);

        var failed = await ClaimAsync("fail");
        await _ledger.FinishAsync(failed, DeliveryState.Failed, "unavailable", CancellationToken.None);
        var again = await ClaimAsync("fail");
        Assert.Equal(DeliveryClaimKind.Claimed, again.Kind);
        Assert.Equal(2, again.Record!.Attempts);
    }

    [Fact]
    public async Task A_fresh_pending_claim_is_busy_and_an_abandoned_one_is_taken_over_and_the_old_claimant_cannot_finish()
    {
        var first = await ClaimAsync("d2");
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(DeliveryClaimKind.Busy, (await ClaimAsync("d2")).Kind);

        _clock.Advance(TimeSpan.FromSeconds(30));
        var takeover = await ClaimAsync("d2");
        Assert.Equal(DeliveryClaimKind.Claimed, takeover.Kind);
        Assert.Equal(2, takeover.Record!.Attempts);
        Assert.False(await _ledger.FinishAsync(first, DeliveryState.Sent, null, CancellationToken.None));
        Assert.True(await _ledger.FinishAsync(takeover, DeliveryState.Sent, null, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_delivery_give_one_claimant()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => ClaimAsync("race"))));

        Assert.Single(claims, claim => claim.Kind == DeliveryClaimKind.Claimed);
        Assert.All(claims.Where(claim => claim.Kind != DeliveryClaimKind.Claimed), claim => Assert.Equal(DeliveryClaimKind.Busy, claim.Kind));
    }

    [Fact]
    public async Task History_lists_each_delivery_once_newest_first_up_to_the_limit()
    {
        foreach (var id in new[] { "h1", "h2", "h3", "h4" })
        {
            var claim = await ClaimAsync(id);
            await _ledger.FinishAsync(claim, DeliveryState.Failed, "x", CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        await ClaimAsync("h4");

        var page = await _ledger.PageAsync("user-1", new PagingQuery(1, 10), CancellationToken.None);
        Assert.Equal(["h4", "h3", "h2"], page.Items.Select(item => item.Id));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(DeliveryState.Pending, page.Items[0].Status);
    }

    [Fact]
    public async Task The_deliveries_of_one_event_are_claimed_together_and_one_with_a_skip_reason_is_recorded_skipped()
    {
        var claims = await _ledger.ClaimAsync(
            [new DeliveryRequest(Fresh("mail")), new DeliveryRequest(Fresh("text") with { Channel = DeliveryChannel.Sms }, "The user has no phone number for SMS.")],
            known: null,
            CancellationToken.None);

        Assert.Equal([DeliveryClaimKind.Claimed, DeliveryClaimKind.Done], claims.Select(claim => claim.Kind));
        var page = await _ledger.PageAsync("user-1", new PagingQuery(1, 10), CancellationToken.None);
        Assert.Equal(["text", "mail"], page.Items.Select(item => item.Id));
        Assert.Equal([DeliveryState.Skipped, DeliveryState.Pending], page.Items.Select(item => item.Status));
        Assert.Equal(DeliveryClaimKind.Done, (await ClaimAsync("text")).Kind);
        Assert.Equal(DeliveryClaimKind.Busy, (await ClaimAsync("mail")).Kind);
    }

    [Fact]
    public async Task A_claim_from_reads_that_are_out_of_date_is_decided_on_what_is_stored()
    {
        var stale = await _store.ReadAsync(["delivery|late", "history|user-1"], CancellationToken.None);
        var first = await ClaimAsync("late");
        await _ledger.FinishAsync(first, DeliveryState.Sent, null, CancellationToken.None);

        var claims = await _ledger.ClaimAsync([new DeliveryRequest(Fresh("late"))], stale, CancellationToken.None);

        Assert.Equal(DeliveryClaimKind.Done, Assert.Single(claims).Kind);
        Assert.Equal(1, (await _ledger.PageAsync("user-1", new PagingQuery(1, 10), CancellationToken.None)).TotalCount);
    }

    private async Task<DeliveryClaim> ClaimAsync(string id) =>
        Assert.Single(await _ledger.ClaimAsync([new DeliveryRequest(Fresh(id))], known: null, CancellationToken.None));

    private static DeliveryRecord Fresh(string id) =>
        new(id, "user-1", "orders.confirmed", DeliveryChannel.Email, "u***@example.com", DeliveryState.Pending, 0, null, DateTimeOffset.MinValue, null, null);
}
