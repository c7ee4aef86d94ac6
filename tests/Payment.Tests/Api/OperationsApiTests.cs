using System.Net;
using System.Net.Http.Json;
using Ecommerce.Contracts.Payments;
using static Ecommerce.Payment.Tests.Api.PaymentRequests;

namespace Ecommerce.Payment.Tests.Api;

public sealed class OperationsApiTests(PaymentApiFactory factory) : IClassFixture<PaymentApiFactory>
{
    private async Task<string> AuthorizedAsync(decimal amount = 50m, string currency = "EUR")
    {
        var userId = NewId("user");
        var methodId = await MethodAsync(factory.ClientAs("customer", userId));
        var response = await AuthorizeAsync(factory.Ordering(), Authorization(NewId("order"), userId, methodId, amount, currency: currency));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await IdAsync(response);
    }

    [Fact]
    public async Task Capture_is_idempotent_by_key_and_only_once()
    {
        var id = await AuthorizedAsync();
        var ordering = factory.Ordering();

        var captured = await CaptureAsync(ordering, id, "cap-1", 40m);
        var again = await CaptureAsync(ordering, id, "cap-1", 40m);
        var otherAmount = await CaptureAsync(ordering, id, "cap-1", 41m);
        var second = await CaptureAsync(ordering, id, "cap-2");
        var voided = await VoidAsync(ordering, id, "void-1");

        Assert.Equal(HttpStatusCode.OK, captured.StatusCode);
        Assert.Equal(40m, (await JsonAsync(captured)).GetProperty("capturedAmount").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherAmount.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, voided.StatusCode);
        Assert.Single(factory.Events.Of<PaymentCapturedV1>(), e => e.PaymentId == id && e.Amount == 40m);
    }

    [Fact]
    public async Task Capture_above_the_authorization_is_refused_and_void_releases_it()
    {
        var id = await AuthorizedAsync();
        var ordering = factory.Ordering();

        var tooMuch = await CaptureAsync(ordering, id, "cap-1", 50.01m);
        var refundFirst = await RefundAsync(ordering, id, "ref-1", 1m);
        var voided = await VoidAsync(ordering, id, "void-1");
        var voidAgain = await VoidAsync(ordering, id, "void-1");
        var captureAfter = await CaptureAsync(ordering, id, "cap-2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refundFirst.StatusCode);
        Assert.Equal("voided", (await JsonAsync(voided)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, voidAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, captureAfter.StatusCode);
        Assert.Single(factory.Events.Of<PaymentVoidedV1>(), e => e.PaymentId == id);
    }

    [Fact]
    public async Task Partial_refunds_add_up_to_at_most_the_captured_amount()
    {
        var id = await AuthorizedAsync();
        var ordering = factory.Ordering();
        await CaptureAsync(ordering, id, "cap-1");

        var first = await RefundAsync(ordering, id, "ref-1", 20m);
        var replay = await RefundAsync(ordering, id, "ref-1", 20m);
        var tooMuch = await RefundAsync(ordering, id, "ref-2", 30.01m);
        var rest = await RefundAsync(ordering, id, "ref-3", 30m);
        var more = await RefundAsync(ordering, id, "ref-4", 0.01m);
        var tooPrecise = await RefundAsync(ordering, id, "ref-5", 0.001m);

        Assert.Equal("partiallyRefunded", (await JsonAsync(first)).GetProperty("status").GetString());
        Assert.Equal(20m, (await JsonAsync(replay)).GetProperty("refundedAmount").GetDecimal());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        var refunded = await JsonAsync(rest);
        Assert.Equal("refunded", refunded.GetProperty("status").GetString());
        Assert.Equal(50m, refunded.GetProperty("refundedAmount").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, more.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooPrecise.StatusCode);
        Assert.Equal([20m, 30m], factory.Events.Of<PaymentRefundedV1>().Where(e => e.PaymentId == id).Select(e => e.Amount));
        var kinds = refunded.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("kind").GetString()!).ToList();
        Assert.Equal<string>(["authorize", "capture", "refund", "refund"], kinds);
    }

    [Fact]
    public async Task Yen_amounts_have_no_decimals()
    {
        var id = await AuthorizedAsync(900m, "JPY");
        var ordering = factory.Ordering();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CaptureAsync(ordering, id, "cap-1", 100.5m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CaptureAsync(ordering, id, "cap-2", 100m)).StatusCode);
    }

    [Fact]
    public async Task Operations_on_an_unknown_payment_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await CaptureAsync(factory.Ordering(), "pay_unknown", "cap-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Ordering().PostAsJsonAsync("api/payments/pay_unknown/review", new { approve = true })).StatusCode);
    }
}
