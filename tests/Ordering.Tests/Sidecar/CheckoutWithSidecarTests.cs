using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.Ordering.Tests.Sidecar;

/// <summary>
/// The real ordering service beside a real DaprLocal sidecar (state, pub/sub, service invocation and the workflow
/// engine): orders placed through the API are checked out by the saga against stand-in services — to Confirmed, to
/// PaymentFailed with the reservation released, through a transient payment error retried with the same key, through a
/// fraud review approved or cancelled, to Failed for an undeliverable address — and one is delivered and returned.
/// </summary>
[Collection(SidecarsInSeries.Name)]
public sealed class CheckoutWithSidecarTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_checkout_with_a_good_card_is_confirmed_with_stock_committed_payment_captured_and_events_published()
    {
        await using var environment = await OrderingEnvironment.StartAsync();
        var (orderId, customer) = await PlaceAsync(environment, "pm-good");
        // The shopper adds a line while the saga runs: only what the order took leaves the cart.
        environment.Services.Carts.AddOrUpdate(customer, [("SKU-LATER", 1)], (_, lines) => [.. lines, ("SKU-LATER", 1)]);

        var order = await StatusAsync(environment, customer, orderId, "confirmed");

        Assert.Equal("committed", environment.Services.Reservations[orderId]);
        Assert.Equal("captured", environment.Services.Payments[$"pay-{orderId}"].Status);
        Assert.Equal("created", environment.Services.Shipments[orderId]);
        Assert.Equal([("SKU-LATER", 1)], environment.Services.Carts[customer]);
        Assert.Equal((customer, orderId), Assert.Single(environment.Services.CheckedOutOrders));
        Assert.All(environment.Services.Authorizations, a => Assert.Equal(AppIds.Ordering, a.CallerAppId));
        Assert.Equal((StandInServices.UnitPrice * 2) + StandInServices.ShippingPrice, order.GetProperty("totals").GetProperty("total").GetDecimal());
        Assert.Equal($"shp-{orderId}", order.GetProperty("shipmentId").GetString());
        Assert.Equal($"pay-{orderId}", order.GetProperty("paymentId").GetString());
        Assert.Equal(StandInServices.UnitPrice, order.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());

        await Eventually.TrueAsync(() => environment.Received(Topics.OrdersConfirmed).Count >= 1, Patience, "orders.confirmed published");
        Assert.Equal(orderId, Assert.Single(environment.Received(Topics.OrdersConfirmed)).GetProperty("orderId").GetString());
        Assert.Single(environment.Received(Topics.OrdersSubmitted), e => e.GetProperty("orderId").GetString() == orderId);
        Assert.Empty(environment.Received(Topics.OrdersCancelled));

        var saga = await JsonAsync(await environment.Client("support", "agent").GetAsync($"api/orders/admin/orders/{orderId}/saga"));
        Assert.Equal(("completed", "confirmed"), (saga.GetProperty("runtimeStatus").GetString(), saga.GetProperty("customStatus").GetProperty("step").GetString()));
        Assert.Contains(saga.GetProperty("history").EnumerateArray(), e => e.GetProperty("eventType").GetString() == "taskCompleted");
    }

    [Fact]
    public async Task A_declined_card_ends_payment_failed_with_the_reservation_released_and_nothing_shipped()
    {
        await using var environment = await OrderingEnvironment.StartAsync();
        var (orderId, customer) = await PlaceAsync(environment, "pm-declined");

        var order = await StatusAsync(environment, customer, orderId, "paymentFailed");

        Assert.Equal("released", environment.Services.Reservations[orderId]);
        Assert.False(environment.Services.Shipments.ContainsKey(orderId));
        Assert.Equal("failed", environment.Services.Payments[$"pay-{orderId}"].Status);
        Assert.NotEmpty(environment.Services.Carts[customer]);
        Assert.Empty(environment.Services.CheckedOutOrders);
        Assert.Contains("declined", order.GetProperty("statusHistory").EnumerateArray().Last().GetProperty("reason").GetString(), StringComparison.Ordinal);
        await Eventually.TrueAsync(() => environment.Received(Topics.OrdersCancelled).Count >= 1, Patience, "orders.cancelled published");
        var cancelled = Assert.Single(environment.Received(Topics.OrdersCancelled));
        Assert.Equal(("paymentFailed", orderId), (cancelled.GetProperty("finalStatus").GetString(), cancelled.GetProperty("orderId").GetString()));
        Assert.Empty(environment.Received(Topics.OrdersConfirmed));
    }

    [Fact]
    public async Task A_transient_payment_error_is_retried_with_the_same_key_and_the_order_is_confirmed()
    {
        await using var environment = await OrderingEnvironment.StartAsync();
        var (orderId, customer) = await PlaceAsync(environment, "pm-transient");

        await StatusAsync(environment, customer, orderId, "confirmed");

        var attempts = environment.Services.Authorizations.Where(a => a.Key == orderId).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal("captured", environment.Services.Payments[$"pay-{orderId}"].Status);
    }

    [Fact]
    public async Task A_payment_held_for_fraud_review_waits_and_an_admins_approval_lets_the_checkout_confirm()
    {
        await using var environment = await OrderingEnvironment.StartAsync();
        var (orderId, customer) = await PlaceAsync(environment, "pm-review");
        await StatusAsync(environment, customer, orderId, "awaitingFraudReview");
        var admin = environment.Client("admin", "boss");
        var waiting = await JsonAsync(await admin.GetAsync($"api/orders/admin/orders/{orderId}/saga"));
        Assert.Equal(("running", "awaitingFraudReview"), (waiting.GetProperty("runtimeStatus").GetString(), waiting.GetProperty("customStatus").GetProperty("step").GetString()));

        var decided = await admin.PostAsJsonAsync($"api/orders/admin/orders/{orderId}/fraud-review", new { approve = true, reason = "known customer" });

        Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        var order = await StatusAsync(environment, customer, orderId, "confirmed");
        Assert.Equal("captured", environment.Services.Payments[$"pay-{orderId}"].Status);
        Assert.Equal(["submitted", "awaitingFraudReview", "submitted", "confirmed"],
            order.GetProperty("statusHistory").EnumerateArray().Select(c => c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_cancel_while_the_fraud_review_waits_voids_the_payment_releases_the_stock_and_later_cancels_are_409()
    {
        await using var environment = await OrderingEnvironment.StartAsync();
        var (orderId, customer) = await PlaceAsync(environment, "pm-review");
        await StatusAsync(environment, customer, orderId, "awaitingFraudReview");
        var client = environment.Client("customer", customer);

        var cancel = await client.PostAsJsonAsync($"api/orders/{orderId}/cancel", new { reason = "changed my mind" });

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var order = await StatusAsync(environment, customer, orderId, "cancelled");
        Assert.Equal("cancelled: changed my mind", order.GetProperty("statusHistory").EnumerateArray().Last().GetProperty("reason").GetString());
        Assert.Equal("voided", environment.Services.Payments[$"pay-{orderId}"].Status);
        Assert.Equal("released", environment.Services.Reservations[orderId]);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"api/orders/{orderId}/cancel", new { })).StatusCode);
        await Eventually.TrueAsync(() => environment.Received(Topics.OrdersCancelled).Count >= 1, Patience, "orders.cancelled published");
    }

    [Fact]
    public async Task An_undeliverable_address_fails_the_order_with_the_payment_voided_and_the_stock_released()
    {
        await using var environment = await OrderingEnvironment.StartAsync();
        var (orderId, customer) = await PlaceAsync(environment, "pm-good", postalCode: "00000");

        var order = await StatusAsync(environment, customer, orderId, "failed");

        Assert.Contains("undeliverable", order.GetProperty("statusHistory").EnumerateArray().Last().GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("voided", environment.Services.Payments[$"pay-{orderId}"].Status);
        Assert.Equal("released", environment.Services.Reservations[orderId]);
        Assert.False(environment.Services.Shipments.ContainsKey(orderId));
    }

    [Fact]
    public async Task A_delivered_order_is_returned_refunded_in_full_and_restocked_once()
    {
        await using var environment = await OrderingEnvironment.StartAsync();
        var (orderId, customer) = await PlaceAsync(environment, "pm-good");
        await StatusAsync(environment, customer, orderId, "confirmed");
        await ShipmentStepAsync(environment, orderId, "pickedUp");
        await StatusAsync(environment, customer, orderId, "shipped");
        await ShipmentStepAsync(environment, orderId, "delivered");
        await ShipmentStepAsync(environment, orderId, "delivered");
        await StatusAsync(environment, customer, orderId, "delivered");
        var client = environment.Client("customer", customer);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync($"api/orders/{orderId}/returns", new { reason = "too small" })).StatusCode);
        await StatusAsync(environment, customer, orderId, "returnRequested");
        var decided = await environment.Client("admin", "boss").PostAsJsonAsync($"api/orders/admin/orders/{orderId}/return-decision", new { approve = true });

        Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        var order = await StatusAsync(environment, customer, orderId, "returned");
        Assert.Equal("completed", order.GetProperty("return").GetProperty("status").GetString());
        Assert.Equal(
            ["submitted", "confirmed", "shipped", "delivered", "returnRequested", "returned"],
            order.GetProperty("statusHistory").EnumerateArray().Select(c => c.GetProperty("status").GetString()));
        var refund = Assert.Single(environment.Services.Refunds);
        Assert.Equal(($"return-{orderId}", $"pay-{orderId}", 45m), (refund.Key, refund.Value.PaymentId, refund.Value.Amount));
        var restock = Assert.Single(environment.Services.Adjustments);
        Assert.Equal(($"return:{orderId}:SKU-1", "SKU-1", 2, "returned"), (restock.Key, restock.Value.Sku, restock.Value.Change, restock.Value.Reason));
        var saga = await JsonAsync(await environment.Client("support", "agent").GetAsync($"api/orders/admin/orders/{orderId}/saga?workflow=return"));
        Assert.Equal(("ReturnWorkflow", "completed"), (saga.GetProperty("workflowName").GetString(), saga.GetProperty("runtimeStatus").GetString()));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql-v1")]
    public async Task Ten_concurrent_posts_with_one_key_make_one_order_and_one_saga_on_a_real_store(string store)
    {
        await using var environment = await OrderingEnvironment.StartAsync(store);
        var customer = $"customer-{Guid.NewGuid():N}";
        environment.Services.Carts[customer] = [("SKU-1", 1)];
        var key = Guid.NewGuid().ToString("N");
        var client = environment.Client("customer", customer);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.SendAsync(OrderRequest(key, "pm-good", "10115"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var orderId = Assert.Single((await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("orderId").GetString()))).Distinct())!;
        await StatusAsync(environment, customer, orderId, "confirmed");
        Assert.Equal(1, (await JsonAsync(await client.GetAsync("api/orders"))).GetProperty("totalCount").GetInt32());
        Assert.Single(environment.Services.Authorizations, a => a.Key == orderId);
        await Eventually.TrueAsync(() => environment.Received(Topics.OrdersSubmitted).Count >= 1, Patience, "orders.submitted published");
        Assert.Single(environment.Received(Topics.OrdersSubmitted));
    }

    private static async Task<(string OrderId, string Customer)> PlaceAsync(OrderingEnvironment environment, string paymentMethodId, string postalCode = "10115")
    {
        var customer = $"customer-{Guid.NewGuid():N}";
        environment.Services.Carts[customer] = [("SKU-1", 2)];
        using var request = OrderRequest(Guid.NewGuid().ToString("N"), paymentMethodId, postalCode);
        var response = await environment.Client("customer", customer).SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return ((await JsonAsync(response)).GetProperty("orderId").GetString()!, customer);
    }

    private static HttpRequestMessage OrderRequest(string idempotencyKey, string paymentMethodId, string postalCode)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/orders")
        {
            Content = JsonContent.Create(new
            {
                shippingAddress = new { recipient = "Ada Lovelace", line1 = "Unter den Linden 1", city = "Berlin", postalCode, country = "DE" },
                shippingMethod = "standard",
                paymentMethodId,
                currency = "EUR",
            }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    /// <summary>Announces a shipment step on <c>events</c> as the shipping service would.</summary>
    private static Task ShipmentStepAsync(OrderingEnvironment environment, string orderId, string step) =>
        environment.ListenerSidecar.Client.PublishEventAsync(Components.EventsPubSub, Topics.ShipmentsStatusChanged,
            new { orderId, shipmentId = $"shp-{orderId}", trackingNumber = $"TRK-{orderId}", status = step, eventId = Guid.NewGuid().ToString("N"), schemaVersion = 1 });

    private static async Task<JsonElement> StatusAsync(OrderingEnvironment environment, string customer, string orderId, string status)
    {
        var client = environment.Client("customer", customer);
        JsonElement order = default;
        await Eventually.TrueAsync(async () =>
        {
            order = await JsonAsync(await client.GetAsync($"api/orders/{orderId}"));
            return order.GetProperty("status").GetString() == status;
        }, Patience, $"order {orderId} {status} (last seen: {order})");
        return order;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
}
