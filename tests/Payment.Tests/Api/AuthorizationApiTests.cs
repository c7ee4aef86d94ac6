using System.Net;
using System.Net.Http.Json;
using Ecommerce.Contracts.Payments;
using Ecommerce.Payment.Model;
using static Ecommerce.Payment.Tests.Api.PaymentRequests;

namespace Ecommerce.Payment.Tests.Api;

public sealed class AuthorizationApiTests(PaymentApiFactory factory) : IClassFixture<PaymentApiFactory>
{
    private async Task<(string UserId, string MethodId)> CustomerWithCardAsync(string number)
    {
        var userId = NewId("user");
        return (userId, await MethodAsync(factory.ClientAs("customer", userId), number));
    }

    [Fact]
    public async Task The_success_card_is_authorized_and_the_same_key_answers_the_same_payment()
    {
        var (userId, methodId) = await CustomerWithCardAsync(TestCards.Success);
        var ordering = factory.Ordering();
        var key = NewId("order");

        var first = await AuthorizeAsync(ordering, Authorization(key, userId, methodId, 42.50m));
        var again = await AuthorizeAsync(ordering, Authorization(key, userId, methodId, 42.50m));
        var otherBody = await AuthorizeAsync(ordering, Authorization(key, userId, methodId, 43m));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var payment = await JsonAsync(first);
        Assert.Equal("authorized", payment.GetProperty("status").GetString());
        Assert.Equal("4242", payment.GetProperty("last4").GetString());
        Assert.Equal(payment.GetProperty("id").GetString(), await IdAsync(again));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Single(factory.Events.Of<PaymentAuthorizedV1>(), e => e.PaymentId == payment.GetProperty("id").GetString());
        Assert.Single(factory.Store.Snapshot().Keys, k => k.StartsWith("payment|", StringComparison.Ordinal) && factory.Store.Snapshot()[k].Contains(key, StringComparison.Ordinal));
        Assert.DoesNotContain(TestCards.Success, await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_may_come_in_the_header_and_is_required()
    {
        var (userId, methodId) = await CustomerWithCardAsync(TestCards.Success);
        var ordering = factory.Ordering();
        var key = NewId("order");
        var request = new { orderId = key, userId, paymentMethodId = methodId, amount = 10m, currency = "EUR", billingCountry = "DE", shippingCountry = "DE" };

        var missing = await AuthorizeAsync(ordering, request);
        using var withHeader = new HttpRequestMessage(HttpMethod.Post, "api/payments/authorizations") { Content = JsonContent.Create(request) };
        withHeader.Headers.Add("Idempotency-Key", key);
        var byHeader = await ordering.SendAsync(withHeader);
        var byBody = await AuthorizeAsync(ordering, Authorization(key, userId, methodId, 10m));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await JsonAsync(missing)).GetProperty("errors").TryGetProperty("idempotencyKey", out _));
        Assert.Equal(HttpStatusCode.Created, byHeader.StatusCode);
        Assert.Equal(await IdAsync(byHeader), await IdAsync(byBody));
    }

    [Theory]
    [InlineData(TestCards.Declined, "declined")]
    [InlineData(TestCards.InsufficientFunds, "insufficientFunds")]
    public async Task Refused_cards_answer_422_with_a_reason_and_are_recorded_as_failed(string card, string reason)
    {
        var (userId, methodId) = await CustomerWithCardAsync(card);
        var key = NewId("order");

        var response = await AuthorizeAsync(factory.Ordering(), Authorization(key, userId, methodId));
        var again = await AuthorizeAsync(factory.Ordering(), Authorization(key, userId, methodId));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        var paymentId = problem.GetProperty("paymentId").GetString()!;
        Assert.Equal(paymentId, (await JsonAsync(again)).GetProperty("paymentId").GetString());
        var stored = await JsonAsync(await factory.ClientAs("admin").GetAsync($"api/payments/{paymentId}"));
        Assert.Equal("failed", stored.GetProperty("status").GetString());
        Assert.Equal(reason, stored.GetProperty("failureReason").GetString());
        Assert.Single(factory.Events.Of<PaymentFailedV1>(), e => e.PaymentId == paymentId && e.Reason == reason);
        Assert.DoesNotContain(card, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_card_is_held_for_review_and_the_review_decides()
    {
        var (userId, methodId) = await CustomerWithCardAsync(TestCards.FraudReview);
        var ordering = factory.Ordering();

        var held = await AuthorizeAsync(ordering, Authorization(NewId("order"), userId, methodId));
        var rejectedHeld = await AuthorizeAsync(ordering, Authorization(NewId("order"), userId, methodId));

        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        var payment = await JsonAsync(held);
        Assert.Equal("pendingReview", payment.GetProperty("status").GetString());
        Assert.Equal("review", payment.GetProperty("fraud").GetProperty("decision").GetString());
        var id = payment.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, (await CaptureAsync(ordering, id, "c1")).StatusCode);

        var approved = await ordering.PostAsJsonAsync($"api/payments/{id}/review", new { approve = true });
        var rejected = await factory.ClientAs("admin").PostAsJsonAsync($"api/payments/{await IdAsync(rejectedHeld)}/review", new { approve = false });
        var twice = await ordering.PostAsJsonAsync($"api/payments/{id}/review", new { approve = false });

        Assert.Equal("authorized", (await JsonAsync(approved)).GetProperty("status").GetString());
        Assert.Equal("reviewRejected", (await JsonAsync(rejected)).GetProperty("failureReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Single(factory.Events.Of<PaymentAuthorizedV1>(), e => e.PaymentId == id);
    }

    [Fact]
    public async Task The_transient_card_fails_the_first_attempt_of_a_key_with_503_and_the_retry_succeeds()
    {
        var (userId, methodId) = await CustomerWithCardAsync(TestCards.TransientError);
        var ordering = factory.Ordering();
        var key = NewId("order");

        var first = await AuthorizeAsync(ordering, Authorization(key, userId, methodId));
        var payments = await factory.ClientAs("admin").GetAsync($"api/payments?orderId={key}");
        var retry = await AuthorizeAsync(ordering, Authorization(key, userId, methodId));
        var third = await AuthorizeAsync(ordering, Authorization(key, userId, methodId));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.NotNull(first.Headers.RetryAfter);
        Assert.Equal(0, (await JsonAsync(payments)).GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await IdAsync(retry), await IdAsync(third));
    }

    [Fact]
    public async Task Fraud_rules_review_a_country_mismatch_and_decline_a_large_foreign_payment()
    {
        var (userId, methodId) = await CustomerWithCardAsync("5555555555554444");
        var ordering = factory.Ordering();

        var mismatch = await AuthorizeAsync(ordering, Authorization(NewId("order"), userId, methodId, 20m, billing: "DE", shipping: "FR"));
        var large = await AuthorizeAsync(ordering, Authorization(NewId("order"), userId, methodId, 5000m, billing: "DE", shipping: "US"));

        Assert.Equal(HttpStatusCode.Accepted, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, large.StatusCode);
        Assert.Equal("fraudSuspected", (await JsonAsync(large)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Velocity_sends_the_sixth_attempt_within_the_window_to_review()
    {
        var (userId, methodId) = await CustomerWithCardAsync(TestCards.Success);
        var ordering = factory.Ordering();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await AuthorizeAsync(ordering, Authorization(NewId("order"), userId, methodId, 10m))).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 5), HttpStatusCode.Accepted], statuses);
    }

    [Fact]
    public async Task Invalid_requests_and_foreign_methods_are_refused()
    {
        var (userId, methodId) = await CustomerWithCardAsync(TestCards.Success);
        var ordering = factory.Ordering();

        var invalid = await AuthorizeAsync(ordering, new { idempotencyKey = "k|1", orderId = "", userId, paymentMethodId = methodId, amount = 10.001m, currency = "eur", billingCountry = "Germany", shippingCountry = "DE" });
        var foreign = await AuthorizeAsync(ordering, Authorization(NewId("order"), NewId("user"), methodId));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await JsonAsync(invalid)).GetProperty("errors");
        foreach (var field in new[] { "idempotencyKey", "orderId", "amount", "currency", "billingCountry" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
    }
}
