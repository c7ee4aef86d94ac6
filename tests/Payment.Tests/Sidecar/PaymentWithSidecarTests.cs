using System.Net;
using System.Text;
using Ecommerce.Contracts;
using Ecommerce.Payment.Model;
using Ecommerce.TestSupport.Sidecars;
using static Ecommerce.Payment.Tests.Api.PaymentRequests;

namespace Ecommerce.Payment.Tests.Sidecar;

/// <summary>
/// The real payment service beside a DaprLocal sidecar: state in <c>payment-store</c> (SQLite as in the embedded
/// profile, PostgreSQL as in the local one) through transactions with ETags, events on <c>events</c>.
/// </summary>
[Collection(SidecarsInSeries.Name)]
public sealed class PaymentWithSidecarTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Authorize_capture_and_refund_in_two_parts_end_to_end_with_events_and_no_card_number_in_the_database()
    {
        await using var environment = await PaymentEnvironment.StartAsync("sqlite");
        var userId = NewId("user");
        var customer = environment.Client("customer", userId);
        var methodId = await MethodAsync(customer, "4242 4242 4242 4242");
        var (orderingSidecar, ordering) = await environment.OrderingAsync();
        var orderId = NewId("order");
        string paymentId;
        await using (orderingSidecar)
        {
            var authorized = await AuthorizeAsync(ordering, Authorization(orderId, userId, methodId, 50m, orderId: orderId));
            Assert.Equal(HttpStatusCode.Created, authorized.StatusCode);
            paymentId = await IdAsync(authorized);
            Assert.Equal(HttpStatusCode.Created, (await AuthorizeAsync(ordering, Authorization(orderId, userId, methodId, 50m, orderId: orderId))).StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await CaptureAsync(ordering, paymentId, "capture-1")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await RefundAsync(ordering, paymentId, "refund-1", 20m)).StatusCode);
            var rest = await RefundAsync(ordering, paymentId, "refund-2", 30m);
            Assert.Equal("refunded", (await JsonAsync(rest)).GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await RefundAsync(ordering, paymentId, "refund-2", 31m)).StatusCode);
        }

        await Eventually.TrueAsync(() => environment.Received(Topics.PaymentsRefunded).Count >= 2, Patience, "two refunds announced");
        var authorizedEvent = Assert.Single(environment.Received(Topics.PaymentsAuthorized));
        Assert.Equal(paymentId, authorizedEvent.GetProperty("paymentId").GetString());
        Assert.Equal(orderId, authorizedEvent.GetProperty("orderId").GetString());
        Assert.Equal(50m, Assert.Single(environment.Received(Topics.PaymentsCaptured)).GetProperty("amount").GetDecimal());
        var refunds = environment.Received(Topics.PaymentsRefunded);
        Assert.Equal([20m, 30m], refunds.Select(e => e.GetProperty("amount").GetDecimal()).Order());
        Assert.Equal(2, refunds.Select(e => e.GetProperty("transactionId").GetString()).Distinct().Count());
        Assert.Contains(refunds, e => e.GetProperty("fullyRefunded").GetBoolean());

        var history = await JsonAsync(await environment.Client("support").GetAsync($"api/payments?orderId={orderId}"));
        var payment = Assert.Single(history.EnumerateArray());
        Assert.Equal(4, payment.GetProperty("transactions").GetArrayLength());

        foreach (var route in PaymentEnvironment.PaymentTopics)
        {
            foreach (var envelope in environment.Listener.At("/" + route))
            {
                Assert.DoesNotContain(TestCards.Success, envelope.ToJsonString(), StringComparison.Ordinal);
            }
        }
        await AssertNotInDatabaseAsync(environment, TestCards.Success);
    }

    [Fact]
    public async Task No_card_number_of_any_test_card_is_in_the_sqlite_file()
    {
        await using var environment = await PaymentEnvironment.StartAsync("sqlite");
        var userId = NewId("user");
        var customer = environment.Client("customer", userId);
        var admin = environment.Client("admin");
        string[] cards = [TestCards.Declined, TestCards.InsufficientFunds, TestCards.FraudReview, TestCards.TransientError, "5555555555554444"];
        foreach (var card in cards)
        {
            var methodId = await MethodAsync(customer, card);
            await AuthorizeAsync(admin, Authorization(NewId("order"), userId, methodId));
        }

        Assert.Equal(cards.Length, (await JsonAsync(await customer.GetAsync("api/payments/methods"))).GetArrayLength());
        foreach (var card in cards)
        {
            await AssertNotInDatabaseAsync(environment, card);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql-v1")]
    public async Task Concurrent_authorizations_with_one_key_make_one_payment_and_ten_concurrent_refunds_of_10_on_50_never_refund_more_than_50(string store)
    {
        await using var environment = await PaymentEnvironment.StartAsync(store);
        var userId = NewId("user");
        var methodId = await MethodAsync(environment.Client("customer", userId));
        var admin = environment.Client("admin");
        var orderId = NewId("order");
        var authorizations = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => AuthorizeAsync(admin, Authorization(orderId, userId, methodId, 50m))));
        Assert.All(authorizations, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var paymentIds = await Task.WhenAll(authorizations.Select(IdAsync));
        var paymentId = Assert.Single(paymentIds.Distinct());
        Assert.Single((await JsonAsync(await admin.GetAsync($"api/payments?orderId={orderId}"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await CaptureAsync(admin, paymentId, "capture")).StatusCode);

        var refunds = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => RefundAsync(admin, paymentId, $"refund-{i}", 10m)));

        var succeeded = refunds.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(refunds, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
        Assert.InRange(succeeded, 1, 5);
        var payment = await JsonAsync(await admin.GetAsync($"api/payments/{paymentId}"));
        var refunded = payment.GetProperty("refundedAmount").GetDecimal();
        Assert.Equal(10m * succeeded, refunded);
        Assert.InRange(refunded, 10m, 50m);
        Assert.Equal(succeeded, payment.GetProperty("transactions").EnumerateArray().Count(t => t.GetProperty("kind").GetString() == "refund"));
        await Eventually.TrueAsync(() => environment.Received(Topics.PaymentsRefunded).Count >= succeeded, Patience, "every refund announced");
        Assert.Equal(succeeded, environment.Received(Topics.PaymentsRefunded).Count);
    }

    /// <summary>The number (whole, as typed with spaces, or all but the last four digits) is nowhere in the database or its journal files, in ASCII or UTF-16.</summary>
    private static async Task AssertNotInDatabaseAsync(PaymentEnvironment environment, string card)
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(environment.DatabaseFile)!, Path.GetFileName(environment.DatabaseFile) + "*");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            Assert.True(bytes.Length > 0, file);
            foreach (var needle in new[] { card, $"{card[..4]} {card[4..8]}", card[..^4] })
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)));
            }
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
