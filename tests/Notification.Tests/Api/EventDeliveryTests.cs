using System.Net.Http.Json;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Cart;
using Ecommerce.Contracts.Identity;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Contracts.Payments;
using Ecommerce.Contracts.Shipping;
using static Ecommerce.Notification.Tests.Api.Deliveries;

namespace Ecommerce.Notification.Tests.Api;

/// <summary>Each subscribed event gives the right messages on the right channels, once, however often it is delivered.</summary>
public sealed class EventDeliveryTests(NotificationApiFactory factory) : IClassFixture<NotificationApiFactory>
{
    private readonly HttpClient _sidecar = factory.CreateClient();

    [Fact]
    public async Task Registration_sends_a_welcome_email_and_a_feed_item_once_even_when_delivered_twice()
    {
        var userId = NewId("user");
        var email = $"{userId}@example.com";
        var registered = new UserRegisteredV1(userId, email, "Ada Lovelace");

        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.UsersRegistered, registered));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.UsersRegistered, registered));

        var eml = Assert.Single(EmailsTo(factory, email));
        Assert.Equal("Welcome to the shop, Ada Lovelace", Header(eml, "Subject"));
        Assert.Contains("Hello Ada Lovelace,", eml, StringComparison.Ordinal);
        var item = Assert.Single(await FeedAsync(factory, userId));
        Assert.Equal("Welcome, Ada Lovelace", item.GetProperty("title").GetString());
        Assert.Equal("account", item.GetProperty("category").GetString());
        var history = await HistoryAsync(factory, userId);
        Assert.Equal(2, history.Count);
        Assert.All(history, entry => Assert.Equal("sent", Status(entry)));
        Assert.All(history, entry => Assert.Equal(1, entry.GetProperty("attempts").GetInt32()));
        Assert.Contains(history, entry => Channel(entry) == "email" && entry.GetProperty("recipient").GetString() == $"u***@example.com");
    }

    [Fact]
    public async Task An_order_status_is_told_once_per_status_however_many_events_announce_it()
    {
        var userId = await RegisteredAsync(_sidecar);
        var orderId = NewId("order");

        // Two events (two ids) announcing the same status: one message, as the contract asks.
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersStatusChanged, new OrderStatusChangedV1(orderId, userId, OrderStatus.Shipped, OrderStatus.Confirmed, null)));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersStatusChanged, new OrderStatusChangedV1(orderId, userId, OrderStatus.Shipped, OrderStatus.Confirmed, null)));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersStatusChanged, new OrderStatusChangedV1(orderId, userId, OrderStatus.Submitted, null, null)));

        var eml = Assert.Single(EmailsTo(factory, $"{userId}@example.com"), e => e.Contains(orderId, StringComparison.Ordinal));
        Assert.Equal($"Your order {orderId} is shipped", Header(eml, "Subject"));
        Assert.Single(await FeedAsync(factory, userId), item => item.GetProperty("eventType").GetString() == Topics.OrdersStatusChanged);
        var history = (await HistoryAsync(factory, userId)).Where(entry => entry.GetProperty("eventType").GetString() == Topics.OrdersStatusChanged).ToList();
        Assert.Equal(["email", "inApp", "sms"], history.Select(Channel).Order());
        var sms = Assert.Single(history, entry => Channel(entry) == "sms");
        Assert.Equal("skipped", Status(sms));
        Assert.Contains("sms channel off", sms.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirmation_and_cancellation_are_emailed_and_their_status_changes_only_reach_the_feed()
    {
        var userId = await RegisteredAsync(_sidecar);
        var (confirmedOrder, cancelledOrder) = (NewId("order"), NewId("order"));

        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersSubmitted, new OrderSubmittedV1(confirmedOrder, userId, "EUR", [new OrderLineV1("SKU-1", 2), new OrderLineV1("SKU-2", 1)])));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersStatusChanged, new OrderStatusChangedV1(confirmedOrder, userId, OrderStatus.Confirmed, OrderStatus.Submitted, null)));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersConfirmed, new OrderConfirmedV1(confirmedOrder, userId, "EUR", 123.4m, [])));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersStatusChanged, new OrderStatusChangedV1(cancelledOrder, userId, OrderStatus.PaymentFailed, OrderStatus.Submitted, "card declined")));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersCancelled, new OrderCancelledV1(cancelledOrder, userId, OrderStatus.PaymentFailed, "card declined", [])));

        var emails = EmailsTo(factory, $"{userId}@example.com");
        Assert.Contains(emails, e => Header(e, "Subject") == $"We received your order {confirmedOrder}" && e.Contains("(3 items)", StringComparison.Ordinal));
        Assert.Contains(emails, e => Header(e, "Subject") == $"Order {confirmedOrder} confirmed" && e.Contains("(123.40 EUR)", StringComparison.Ordinal));
        Assert.Contains(emails, e => Header(e, "Subject") == $"Your order {cancelledOrder} did not go through" && e.Contains("payment failed: card declined", StringComparison.Ordinal));
        Assert.DoesNotContain(emails, e => Header(e, "Subject").Contains(" is confirmed", StringComparison.Ordinal) || Header(e, "Subject").Contains(" is payment failed", StringComparison.Ordinal));
        Assert.Equal(4, emails.Count);
        var feed = await FeedAsync(factory, userId);
        Assert.Contains(feed, item => item.GetProperty("title").GetString() == $"Order {confirmedOrder}: confirmed");
        Assert.Contains(feed, item => item.GetProperty("title").GetString() == $"Order {cancelledOrder}: payment failed"
            && item.GetProperty("body").GetString()!.Contains("card declined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shipment_steps_between_pickup_and_delivery_reach_the_feed_of_the_orders_customer()
    {
        var userId = await RegisteredAsync(_sidecar);
        var orderId = NewId("order");
        var shipmentId = NewId("shp");
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersSubmitted, new OrderSubmittedV1(orderId, userId, "EUR", [new OrderLineV1("SKU-1", 1)])));
        var before = EmailsTo(factory, $"{userId}@example.com").Count;

        foreach (var status in new[] { ShipmentStatus.LabelCreated, ShipmentStatus.PickedUp, ShipmentStatus.InTransit, ShipmentStatus.InTransit, ShipmentStatus.Delivered })
        {
            Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.ShipmentsStatusChanged, new ShipmentStatusChangedV1(orderId, shipmentId, "TRK123", status)));
        }

        var steps = (await FeedAsync(factory, userId)).Where(item => item.GetProperty("eventType").GetString() == Topics.ShipmentsStatusChanged).ToList();
        Assert.Equal(["Parcel in transit", "Parcel picked up"], steps.Select(item => item.GetProperty("title").GetString()));
        Assert.Contains("TRK123", steps[0].GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("shipping", steps[0].GetProperty("category").GetString());
        Assert.Equal(before, EmailsTo(factory, $"{userId}@example.com").Count);
    }

    [Fact]
    public async Task An_event_naming_an_unknown_order_is_retried_a_bounded_number_of_times_then_dropped()
    {
        var changed = new ShipmentStatusChangedV1(NewId("order"), NewId("shp"), "TRK1", ShipmentStatus.PickedUp);

        Assert.Equal("RETRY", await DeliverAsync(_sidecar, Topics.ShipmentsStatusChanged, changed));
        Assert.Equal("RETRY", await DeliverAsync(_sidecar, Topics.ShipmentsStatusChanged, changed));
        Assert.Equal("DROP", await DeliverAsync(_sidecar, Topics.ShipmentsStatusChanged, changed));
        Assert.Contains(NotificationApiFactory.Logs.Lines, line => line.Contains(changed.OrderId, StringComparison.Ordinal) && line.Contains("Dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refund_arriving_before_the_order_is_known_is_delivered_on_a_later_redelivery()
    {
        var userId = await RegisteredAsync(_sidecar);
        var orderId = NewId("order");
        var refunded = new PaymentRefundedV1(NewId("pay"), NewId("txn"), orderId, 20m, "EUR", 20m, false);

        Assert.Equal("RETRY", await DeliverAsync(_sidecar, Topics.PaymentsRefunded, refunded));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersConfirmed, new OrderConfirmedV1(orderId, userId, "EUR", 50m, [])));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.PaymentsRefunded, refunded));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.PaymentsRefunded, refunded));

        Assert.Single(EmailsTo(factory, $"{userId}@example.com"), e => Header(e, "Subject") == $"Refund for order {orderId}" && e.Contains("refunded 20.00 EUR", StringComparison.Ordinal));
        Assert.Single(await FeedAsync(factory, userId), item => item.GetProperty("title").GetString() == "Refund issued");
    }

    [Fact]
    public async Task An_anonymous_abandoned_cart_sends_nothing_and_marketing_reaches_only_users_who_opted_in()
    {
        var optedOut = await RegisteredAsync(_sidecar);
        var optedIn = await RegisteredAsync(_sidecar);
        var customer = factory.ClientAs("customer", optedIn);
        (await customer.PutAsJsonAsync("/api/notifications/preferences", new
        {
            channels = new { email = true, sms = false, inApp = true },
            categories = new { account = true, orders = true, shipping = true, marketing = true },
        })).EnsureSuccessStatusCode();
        var invocations = factory.Bindings.Invocations.Count;

        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.CartAbandoned, new CartAbandonedV1(NewId("cart"), null, 2, DateTimeOffset.UtcNow)));
        Assert.Equal(invocations, factory.Bindings.Invocations.Count);

        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.CartAbandoned, new CartAbandonedV1(NewId("cart"), optedOut, 2, DateTimeOffset.UtcNow)));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.CartAbandoned, new CartAbandonedV1(NewId("cart"), optedIn, 3, DateTimeOffset.UtcNow)));

        Assert.DoesNotContain(EmailsTo(factory, $"{optedOut}@example.com"), e => e.Contains("cart", StringComparison.Ordinal));
        var skipped = (await HistoryAsync(factory, optedOut)).Where(entry => entry.GetProperty("eventType").GetString() == Topics.CartAbandoned).ToList();
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, entry => Assert.Equal("skipped", Status(entry)));
        Assert.Contains(skipped, entry => entry.GetProperty("error").GetString()!.Contains("marketing", StringComparison.Ordinal));
        Assert.Single(EmailsTo(factory, $"{optedIn}@example.com"), e => Header(e, "Subject") == "You left something in your cart" && e.Contains("holds 3 items", StringComparison.Ordinal));
        Assert.Single(await FeedAsync(factory, optedIn), item => item.GetProperty("category").GetString() == "marketing");
    }

    [Fact]
    public async Task Transactional_email_goes_out_even_when_every_channel_and_category_is_off_and_sms_goes_when_chosen()
    {
        var userId = await RegisteredAsync(_sidecar);
        (await factory.ClientAs("customer", userId).PutAsJsonAsync("/api/notifications/preferences", new
        {
            channels = new { email = false, sms = true, inApp = false },
            categories = new { account = false, orders = true, shipping = false, marketing = false },
            phoneNumber = "+447700900123",
        })).EnsureSuccessStatusCode();
        var orderId = NewId("order");

        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersConfirmed, new OrderConfirmedV1(orderId, userId, "GBP", 10m, [])));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.UsersLoginFailed, new LoginFailedV1(userId, $"{userId}@example.com", LoginFailureReason.WrongPassword, 5, DateTimeOffset.UtcNow.AddMinutes(5), "127.0.0.1")));

        Assert.Single(EmailsTo(factory, $"{userId}@example.com"), e => Header(e, "Subject") == $"Order {orderId} confirmed");
        Assert.Single(EmailsTo(factory, $"{userId}@example.com"), e => Header(e, "Subject") == "Your account is locked for a while");
        var sms = Assert.Single(factory.Bindings.To("sms"), invocation => invocation.FileText.Contains(orderId, StringComparison.Ordinal));
        Assert.StartsWith("To: +447700900123\n\n", sms.FileText, StringComparison.Ordinal);
        var history = await HistoryAsync(factory, userId);
        var locked = history.Where(entry => entry.GetProperty("eventType").GetString() == Topics.UsersLoginFailed).ToList();
        Assert.Equal("skipped", Status(Assert.Single(locked, entry => Channel(entry) == "inApp")));
        Assert.Contains(history, entry => Channel(entry) == "sms" && entry.GetProperty("recipient").GetString() == "+44*******123" && Status(entry) == "sent");
    }

    [Fact]
    public async Task A_failed_login_that_locks_nothing_and_a_reset_request_tell_only_what_they_should()
    {
        var userId = await RegisteredAsync(_sidecar);
        var before = factory.Bindings.Invocations.Count;

        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.UsersLoginFailed, new LoginFailedV1(userId, $"{userId}@example.com", LoginFailureReason.WrongPassword, 1, null, null)));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.UsersLoginFailed, new LoginFailedV1(null, "nobody@example.com", LoginFailureReason.UnknownEmail, 1, null, null)));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.UsersPasswordResetRequested, new PasswordResetRequestedV1(userId, $"{userId}@example.com")));

        Assert.Equal(before, factory.Bindings.Invocations.Count);
        Assert.Single(await FeedAsync(factory, userId), item => item.GetProperty("title").GetString() == "Password reset requested");
    }

    [Fact]
    public async Task A_user_never_registered_here_is_told_in_the_feed_and_history_says_why_no_email_went()
    {
        var userId = NewId("user");
        var orderId = NewId("order");

        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersSubmitted, new OrderSubmittedV1(orderId, userId, "EUR", [new OrderLineV1("SKU-1", 1)])));

        var email = Assert.Single(await HistoryAsync(factory, userId), entry => Channel(entry) == "email");
        Assert.Equal("skipped", Status(email));
        Assert.Contains("No email address", email.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains(orderId, Assert.Single(await FeedAsync(factory, userId)).GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("sent", Status(Assert.Single(await HistoryAsync(factory, userId), entry => Channel(entry) == "inApp")));
    }

    [Fact]
    public async Task A_verified_new_address_receives_the_next_emails()
    {
        var userId = await RegisteredAsync(_sidecar);
        var newAddress = $"new-{userId}@example.org";

        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.UsersEmailVerified, new UserEmailVerifiedV1(userId, newAddress)));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersSubmitted, new OrderSubmittedV1(NewId("order"), userId, "EUR", [new OrderLineV1("SKU-1", 1)])));

        Assert.Equal(2, EmailsTo(factory, newAddress).Count);
    }

    [Fact]
    public async Task A_transient_binding_failure_answers_retry_and_the_redelivery_sends_it_once_a_permanent_one_drops()
    {
        var userId = await RegisteredAsync(_sidecar);
        var orderId = NewId("order");
        var confirmed = new OrderConfirmedV1(orderId, userId, "EUR", 5m, []);
        factory.Bindings.FailNext("email", 1, transient: true);

        Assert.Equal("RETRY", await DeliverAsync(_sidecar, Topics.OrdersConfirmed, confirmed));
        var failed = Assert.Single(await HistoryAsync(factory, userId), entry => entry.GetProperty("eventType").GetString() == Topics.OrdersConfirmed && Channel(entry) == "email");
        Assert.Equal("failed", Status(failed));
        Assert.Contains("email binding failed", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(EmailsTo(factory, $"{userId}@example.com"), e => e.Contains(orderId, StringComparison.Ordinal));

        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersConfirmed, confirmed));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersConfirmed, confirmed));
        Assert.Single(EmailsTo(factory, $"{userId}@example.com"), e => e.Contains(orderId, StringComparison.Ordinal));
        var sent = Assert.Single(await HistoryAsync(factory, userId), entry => entry.GetProperty("eventType").GetString() == Topics.OrdersConfirmed && Channel(entry) == "email");
        Assert.Equal("sent", Status(sent));
        Assert.Equal(2, sent.GetProperty("attempts").GetInt32());

        var cancelled = new OrderCancelledV1(NewId("order"), userId, OrderStatus.Rejected, "out of stock: SKU-1", []);
        factory.Bindings.FailNext("email", 1, transient: false);
        Assert.Equal("DROP", await DeliverAsync(_sidecar, Topics.OrdersCancelled, cancelled));
        Assert.Equal("failed", Status(Assert.Single(await HistoryAsync(factory, userId), entry => entry.GetProperty("eventType").GetString() == Topics.OrdersCancelled && Channel(entry) == "email")));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_event_send_one_message()
    {
        var userId = await RegisteredAsync(_sidecar);
        var orderId = NewId("order");
        var submitted = new OrderSubmittedV1(orderId, userId, "EUR", [new OrderLineV1("SKU-1", 1)]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => DeliverAsync(factory.CreateClient(), Topics.OrdersSubmitted, submitted)));

        // Those that found a delivery claimed by another ask for a redelivery; the one after everything finished is done.
        Assert.All(answers, answer => Assert.True(answer is "SUCCESS" or "RETRY", answer));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersSubmitted, submitted));
        Assert.Single(EmailsTo(factory, $"{userId}@example.com"), e => e.Contains(orderId, StringComparison.Ordinal));
        Assert.Single(await FeedAsync(factory, userId), item => item.GetProperty("eventType").GetString() == Topics.OrdersSubmitted);
    }

    [Fact]
    public async Task Events_with_ids_that_cannot_be_keys_are_dropped()
    {
        Assert.Equal("DROP", await DeliverAsync(_sidecar, Topics.UsersRegistered, new UserRegisteredV1("a|b", "x@example.com", "X")));
        Assert.Equal("DROP", await DeliverAsync(_sidecar, Topics.OrdersSubmitted, new OrderSubmittedV1("", "user-1", "EUR", [])));
    }
}
