using System.Net;
using Ecommerce.EndToEnd.Tests.Journey;

namespace Ecommerce.EndToEnd.Tests;

/// <summary>
/// The purchase journey of issue 8, through the gateway, on a whole running platform where every event
/// is delivered twice (<see cref="Platform.EventEcho"/>). Each journey makes its own shopper and its own
/// product, so the stock, payment and order figures it checks are exactly its own.
/// </summary>
public abstract class PurchaseJourneyTests(PlatformFixture fixture)
{
    private const decimal Price = 59.90m;

    [Fact]
    public async Task A_good_card_confirms_the_order_the_parcel_is_delivered_and_a_return_refunds_and_restocks()
    {
        var (productId, sku) = await fixture.Admin.StockNewProductAsync(Price, stock: 10);
        var shopper = await NewShopperAsync();
        var storefront = await shopper.GetAsync($"api/storefront/products/{productId}");
        Assert.Contains(sku, storefront.ToJsonString(), StringComparison.Ordinal);
        await shopper.AddToCartAsync(sku, 2);
        var card = await shopper.AddCardAsync(Shopper.Cards.Success);

        var orderId = await shopper.CheckoutAsync(card);
        var confirmed = await shopper.WaitForStatusAsync(orderId, "confirmed");
        var total = Shopper.Total(confirmed);
        Assert.True(total >= 2 * Price, $"total {total}");
        await AssertStockAsync(sku, onHand: 8, reserved: 0);
        var payment = await shopper.PaymentOfAsync(orderId);
        Assert.Equal("captured", payment!["status"]!.GetValue<string>());
        Assert.Equal(total, payment["capturedAmount"]!.GetValue<decimal>());
        Assert.Empty((await shopper.CartAsync())["lines"]!.AsArray());

        await shopper.WaitForStatusAsync(orderId, "delivered", TimeSpan.FromSeconds(90));
        await Polling.UntilAsync(() => Task.FromResult(shopper.Emails()), mails => EmailsAbout(mails, orderId) >= 2, TimeSpan.FromSeconds(30),
            mails => string.Join(" | ", mails.Select(mail => mail.Subject)));

        await shopper.PostAsync($"api/orders/{orderId}/returns", new { reason = "Too small" }, HttpStatusCode.Accepted);
        await shopper.WaitForStatusAsync(orderId, "returnRequested");
        await fixture.Admin.DecideReturnAsync(orderId, approve: true);
        await shopper.WaitForStatusAsync(orderId, "returned");
        var refunded = await shopper.PaymentOfAsync(orderId);
        Assert.Equal("refunded", refunded!["status"]!.GetValue<string>());
        Assert.Equal(total, refunded["refundedAmount"]!.GetValue<decimal>());
        await AssertStockAsync(sku, onHand: 10, reserved: 0);
    }

    [Fact]
    public async Task Out_of_stock_is_rejected_and_the_stock_is_untouched()
    {
        var (shopper, sku, card) = await ReadyToBuyAsync(stock: 1, quantity: 2, Shopper.Cards.Success);

        var orderId = await shopper.CheckoutAsync(card);
        var rejected = await shopper.WaitForStatusAsync(orderId, "rejected");

        Assert.Contains("stock", rejected.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        await AssertStockAsync(sku, onHand: 1, reserved: 0);
        Assert.Null(await shopper.PaymentOfAsync(orderId));
    }

    [Fact]
    public async Task A_declined_card_ends_in_payment_failed_and_releases_the_reservation()
    {
        var (shopper, sku, card) = await ReadyToBuyAsync(stock: 5, quantity: 1, Shopper.Cards.Declined);

        var orderId = await shopper.CheckoutAsync(card);
        await shopper.WaitForStatusAsync(orderId, "paymentFailed");

        await AssertStockAsync(sku, onHand: 5, reserved: 0);
        Assert.NotEqual("captured", (await shopper.PaymentOfAsync(orderId))?["status"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_fraud_review_approved_by_an_admin_confirms_the_order()
    {
        var (shopper, sku, card) = await ReadyToBuyAsync(stock: 5, quantity: 1, Shopper.Cards.FraudReview);

        var orderId = await shopper.CheckoutAsync(card);
        await shopper.WaitForStatusAsync(orderId, "awaitingFraudReview");
        var saga = await fixture.Admin.SagaAsync(orderId);
        Assert.Equal("running", saga["runtimeStatus"]!.GetValue<string>(), ignoreCase: true);
        await fixture.Admin.DecideFraudReviewAsync(orderId, approve: true);

        await shopper.WaitForStatusAsync(orderId, "confirmed");
        await AssertStockAsync(sku, onHand: 4, reserved: 0);
        Assert.Equal("captured", (await shopper.PaymentOfAsync(orderId))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_fraud_review_nobody_decides_times_out_rejects_the_order_voids_the_payment_and_releases_the_stock()
    {
        var (shopper, sku, card) = await ReadyToBuyAsync(stock: 5, quantity: 1, Shopper.Cards.FraudReview);

        var orderId = await shopper.CheckoutAsync(card);
        await shopper.WaitForStatusAsync(orderId, "awaitingFraudReview");
        var rejected = await shopper.WaitForStatusAsync(orderId, "rejected", Platform.RunningPlatform.FraudReviewTimeout + TimeSpan.FromSeconds(40));

        Assert.Contains("timed out", rejected.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        await AssertStockAsync(sku, onHand: 5, reserved: 0);
        Assert.NotEqual("captured", (await shopper.PaymentOfAsync(orderId))?["status"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_shipment_that_cannot_be_created_voids_the_payment_and_releases_the_stock()
    {
        var (shopper, sku, card) = await ReadyToBuyAsync(stock: 5, quantity: 1, Shopper.Cards.Success);

        // The simulated carrier does not deliver to postal code 00000.
        var orderId = await shopper.CheckoutAsync(card, postalCode: "00000");
        await shopper.WaitForStatusAsync(orderId, "failed");

        await AssertStockAsync(sku, onHand: 5, reserved: 0);
        Assert.Equal("voided", (await shopper.PaymentOfAsync(orderId))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_before_capture_releases_everything_and_cancelling_a_confirmed_order_is_refused()
    {
        var (shopper, sku, reviewCard) = await ReadyToBuyAsync(stock: 5, quantity: 1, Shopper.Cards.FraudReview);

        // Held at the fraud review: stock reserved and the payment authorized, nothing captured yet.
        var orderId = await shopper.CheckoutAsync(reviewCard);
        await shopper.WaitForStatusAsync(orderId, "awaitingFraudReview");
        await shopper.PostAsync($"api/orders/{orderId}/cancel", new { reason = "Changed my mind" }, HttpStatusCode.Accepted);
        await shopper.WaitForStatusAsync(orderId, "cancelled");
        await AssertStockAsync(sku, onHand: 5, reserved: 0);
        Assert.NotEqual("captured", (await shopper.PaymentOfAsync(orderId))?["status"]?.GetValue<string>());

        await shopper.AddToCartAsync(sku, 1);
        var goodCard = await shopper.AddCardAsync(Shopper.Cards.Success);
        var confirmedId = await shopper.CheckoutAsync(goodCard);
        await shopper.WaitForStatusAsync(confirmedId, "confirmed");
        await shopper.PostAsync($"api/orders/{confirmedId}/cancel", new { reason = "Too late" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_saga_finishes_after_the_ordering_app_is_killed_in_the_middle_and_restarted()
    {
        var (shopper, sku, card) = await ReadyToBuyAsync(stock: 5, quantity: 1, Shopper.Cards.FraudReview);

        var orderId = await shopper.CheckoutAsync(card);
        await shopper.WaitForStatusAsync(orderId, "awaitingFraudReview");
        await fixture.Platform.CrashAndRestartAsync("ordering");
        await fixture.Admin.DecideFraudReviewAsync(orderId, approve: true);

        await shopper.WaitForStatusAsync(orderId, "confirmed");
        await AssertStockAsync(sku, onHand: 4, reserved: 0);
        Assert.Equal("captured", (await shopper.PaymentOfAsync(orderId))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_idempotency_key_gives_one_order_and_every_event_delivered_twice_has_one_effect()
    {
        var (shopper, sku, card) = await ReadyToBuyAsync(stock: 5, quantity: 1, Shopper.Cards.Success);
        var key = Guid.NewGuid().ToString("N");

        var first = await shopper.CheckoutResponseAsync(card, "10115", key);
        var again = await shopper.CheckoutResponseAsync(card, "10115", key);
        var orderId = first["orderId"]!.GetValue<string>();
        Assert.Equal(orderId, again["orderId"]!.GetValue<string>());
        await shopper.WaitForStatusAsync(orderId, "confirmed");

        // Every event of this purchase reached its subscribers twice...
        Assert.True(fixture.Platform.Echo.Echoed > 0, "the echo republished no event");
        // ...and each had one effect: one order, one capture, one unit taken, one email per message.
        var orders = await shopper.GetAsync("api/orders");
        Assert.Single(orders["items"]!.AsArray());
        Assert.Single(await shopper.MyPaymentsAsync(), payment => payment!["orderId"]!.GetValue<string>() == orderId);
        await AssertStockAsync(sku, onHand: 4, reserved: 0);
        var mails = await Polling.UntilAsync(() => Task.FromResult(shopper.Emails()), found => EmailsAbout(found, orderId) >= 1,
            TimeSpan.FromSeconds(30), found => string.Join(" | ", found.Select(mail => mail.Subject)));
        var subjects = mails.Select(mail => mail.Subject).ToList();
        Assert.True(subjects.Count == subjects.Distinct(StringComparer.Ordinal).Count(), $"an email was sent twice: {string.Join(" | ", subjects)}");
    }

    [Fact]
    public async Task The_in_app_feed_streams_a_new_order_live_through_the_gateway()
    {
        var (shopper, sku, card) = await ReadyToBuyAsync(stock: 5, quantity: 1, Shopper.Cards.Success);
        var orderId = "";

        var item = await shopper.ListenForFeedItemAsync("ord-", async () => orderId = await shopper.CheckoutAsync(card));

        Assert.Contains(orderId, item, StringComparison.Ordinal);
        var feed = await shopper.GetAsync("api/notifications/feed");
        Assert.Contains(orderId, feed.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>A new product with <paramref name="stock"/> units, and a new shopper with it in the cart and a saved card.</summary>
    private async Task<(Shopper Shopper, string Sku, string Card)> ReadyToBuyAsync(int stock, int quantity, string cardNumber)
    {
        var (_, sku) = await fixture.Admin.StockNewProductAsync(Price, stock);
        var shopper = await NewShopperAsync();
        await shopper.AddToCartAsync(sku, quantity);
        return (shopper, sku, await shopper.AddCardAsync(cardNumber));
    }

    private async Task<Shopper> NewShopperAsync()
    {
        var shopper = new Shopper(fixture.Client(), fixture.Platform.Mailbox);
        await shopper.SignUpAsync();
        return shopper;
    }

    private async Task AssertStockAsync(string sku, int onHand, int reserved)
    {
        var stock = await fixture.Admin.StockAsync(sku);
        Assert.True(
            stock["onHand"]!.GetValue<int>() == onHand && stock["reserved"]!.GetValue<int>() == reserved,
            $"{sku}: expected on hand {onHand}, reserved {reserved}; got {stock.ToJsonString()}");
    }

    private static int EmailsAbout(IEnumerable<MimeKit.MimeMessage> mails, string orderId) =>
        mails.Count(mail => (mail.Subject + mail.TextBody + mail.HtmlBody).Contains(orderId, StringComparison.Ordinal));
}

/// <summary>The journeys on the embedded profile: what ./run.sh runs.</summary>
public sealed class EmbeddedProfileJourneyTests(EmbeddedPlatformFixture fixture) : PurchaseJourneyTests(fixture), IClassFixture<EmbeddedPlatformFixture>;

/// <summary>The journeys on the local profile: PostgreSQL, Redis, RabbitMQ and SMTP (./run.sh --local).</summary>
public sealed class LocalProfileJourneyTests(LocalPlatformFixture fixture) : PurchaseJourneyTests(fixture), IClassFixture<LocalPlatformFixture>;
