using System.Net;
using System.Net.Http.Json;
using Ecommerce.Contracts.Payments;
using static Ecommerce.Payment.Tests.Api.PaymentRequests;

namespace Ecommerce.Payment.Tests.Api;

public sealed class DisputesApiTests(PaymentApiFactory factory) : IClassFixture<PaymentApiFactory>
{
    private async Task<string> CapturedAsync(decimal amount = 50m)
    {
        var userId = NewId("user");
        var methodId = await MethodAsync(factory.ClientAs("customer", userId));
        var id = await IdAsync(await AuthorizeAsync(factory.Ordering(), Authorization(NewId("order"), userId, methodId, amount)));
        Assert.Equal(HttpStatusCode.OK, (await CaptureAsync(factory.Ordering(), id, "cap")).StatusCode);
        return id;
    }

    [Fact]
    public async Task A_lost_dispute_returns_the_money_as_a_refund_and_says_so()
    {
        var id = await CapturedAsync();
        var admin = factory.ClientAs("admin");

        var opened = await admin.PostAsJsonAsync($"api/payments/{id}/disputes", new { reason = "fraudulent", amount = 30m });
        var disputeId = await IdAsync(opened);
        var held = await RefundAsync(factory.Ordering(), id, "ref-1", 20.01m);
        var evidence = await admin.PostAsJsonAsync($"api/payments/disputes/{disputeId}/evidence", new { text = "Signed delivery receipt." });
        var lost = await admin.PostAsJsonAsync($"api/payments/disputes/{disputeId}/resolve", new { outcome = "lost" });
        var again = await admin.PostAsJsonAsync($"api/payments/disputes/{disputeId}/resolve", new { outcome = "won" });
        var lateEvidence = await admin.PostAsJsonAsync($"api/payments/disputes/{disputeId}/evidence", new { text = "Too late." });
        var payment = await JsonAsync(await admin.GetAsync($"api/payments/{id}"));

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, held.StatusCode);
        Assert.Single((await JsonAsync(evidence)).GetProperty("evidence").EnumerateArray());
        Assert.Equal("lost", (await JsonAsync(lost)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lateEvidence.StatusCode);
        Assert.Equal(30m, payment.GetProperty("refundedAmount").GetDecimal());
        Assert.Equal(0m, payment.GetProperty("disputedAmount").GetDecimal());
        var refund = payment.GetProperty("transactions").EnumerateArray().Last();
        Assert.Equal("refund", refund.GetProperty("kind").GetString());
        Assert.Equal(disputeId, refund.GetProperty("disputeId").GetString());
        Assert.Single(factory.Events.Of<PaymentDisputeOpenedV1>(), e => e.DisputeId == disputeId);
        var closed = Assert.Single(factory.Events.Of<PaymentDisputeClosedV1>(), e => e.DisputeId == disputeId);
        Assert.True(closed.FundsReturned);
        Assert.Equal(refund.GetProperty("id").GetString(), closed.RefundTransactionId);
        Assert.Equal(HttpStatusCode.OK, (await RefundAsync(factory.Ordering(), id, "ref-2", 20m)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await RefundAsync(factory.Ordering(), id, "ref-3", 0.01m)).StatusCode);
    }

    [Fact]
    public async Task A_won_dispute_releases_the_hold_and_disputes_need_a_captured_payment_and_an_admin()
    {
        var id = await CapturedAsync();
        var admin = factory.ClientAs("admin");
        var disputeId = await IdAsync(await admin.PostAsJsonAsync($"api/payments/{id}/disputes", new { reason = "not received", amount = 50m }));

        var won = await admin.PostAsJsonAsync($"api/payments/disputes/{disputeId}/resolve", new { outcome = "won" });
        var tooMuch = await admin.PostAsJsonAsync($"api/payments/{id}/disputes", new { reason = "again", amount = 50.01m });
        var byOrdering = await factory.Ordering().PostAsJsonAsync($"api/payments/{id}/disputes", new { reason = "x", amount = 1m });
        var bySupport = await factory.ClientAs("support").PostAsJsonAsync($"api/payments/{id}/disputes", new { reason = "x", amount = 1m });

        Assert.Equal("won", (await JsonAsync(won)).GetProperty("status").GetString());
        Assert.Equal(0m, (await JsonAsync(await admin.GetAsync($"api/payments/{id}"))).GetProperty("refundedAmount").GetDecimal());
        Assert.False(Assert.Single(factory.Events.Of<PaymentDisputeClosedV1>(), e => e.DisputeId == disputeId).FundsReturned);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byOrdering.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySupport.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefundAsync(factory.Ordering(), id, "ref-1", 50m)).StatusCode);
    }

    [Fact]
    public async Task An_authorized_payment_cannot_be_disputed()
    {
        var userId = NewId("user");
        var methodId = await MethodAsync(factory.ClientAs("customer", userId));
        var id = await IdAsync(await AuthorizeAsync(factory.Ordering(), Authorization(NewId("order"), userId, methodId)));

        var response = await factory.ClientAs("admin").PostAsJsonAsync($"api/payments/{id}/disputes", new { reason = "x", amount = 1m });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
