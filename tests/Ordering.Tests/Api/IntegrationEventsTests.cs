using System.Net;
using System.Net.Http.Json;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Contracts.Payments;
using Ecommerce.Contracts.Shipping;
using Ecommerce.Ordering.IntegrationEvents;
using static Ecommerce.Ordering.Tests.Api.OrderRequests;

namespace Ecommerce.Ordering.Tests.Api;

/// <summary>The subscriptions: shipment steps move an order forward only, once each; a lost dispute flags the order once.</summary>
public sealed class IntegrationEventsTests(OrderingApiFactory factory) : IClassFixture<OrderingApiFactory>
{
    [Fact]
    public async Task Shipment_steps_move_a_confirmed_order_to_shipped_then_delivered_and_never_back()
    {
        var orderId = await PlacedAsync();
        await factory.ChangeAsync(orderId, order => order.MovedTo(OrderStatus.Confirmed, "paid", DateTimeOffset.UtcNow));
        var client = factory.CreateClient();

        var label = await DeliverAsync(client, orderId, ShipmentStatus.LabelCreated);
        var picked = await DeliverAsync(client, orderId, ShipmentStatus.PickedUp);
        var inTransit = await DeliverAsync(client, orderId, ShipmentStatus.InTransit);
        var delivered = await DeliverAsync(client, orderId, ShipmentStatus.Delivered);
        var redelivered = await DeliverAsync(client, orderId, ShipmentStatus.Delivered);
        var late = await DeliverAsync(client, orderId, ShipmentStatus.OutForDelivery);

        Assert.All([label, picked, inTransit, delivered, redelivered, late], status => Assert.Equal("SUCCESS", status));
        var order = await factory.OrderAsync(orderId);
        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Equal([OrderStatus.Submitted, OrderStatus.Confirmed, OrderStatus.Shipped, OrderStatus.Delivered], order.StatusHistory.Select(c => c.Status));
        Assert.Equal([OrderStatus.Shipped, OrderStatus.Delivered],
            factory.Events.Of<OrderStatusChangedV1>().Where(e => e.OrderId == orderId && e.Status != OrderStatus.Submitted).Select(e => e.Status));
    }

    [Fact]
    public async Task A_shipment_step_for_an_order_still_checking_out_is_retried_and_for_an_unknown_one_dropped()
    {
        var orderId = await PlacedAsync();
        var client = factory.CreateClient();

        Assert.Equal("RETRY", await DeliverAsync(client, orderId, ShipmentStatus.PickedUp));
        Assert.Equal("DROP", await DeliverAsync(client, "ord-unknown", ShipmentStatus.PickedUp));
        Assert.Equal(OrderStatus.Submitted, (await factory.OrderAsync(orderId)).Status);
    }

    [Fact]
    public async Task A_lost_dispute_flags_the_order_once_and_a_won_one_changes_nothing()
    {
        var orderId = await PlacedAsync();
        var client = factory.CreateClient();
        var lost = new PaymentDisputeClosedV1("dsp-1", "pay-1", orderId, 25m, "EUR", "lost", true, "txn-9");

        await client.PostAsJsonAsync(PaymentDisputeClosedHandler.Route, lost with { DisputeId = "dsp-0", Outcome = "won" });
        await client.PostAsJsonAsync(PaymentDisputeClosedHandler.Route, lost);
        await client.PostAsJsonAsync(PaymentDisputeClosedHandler.Route, lost);

        var order = await factory.OrderAsync(orderId);
        Assert.True(order.DisputeLost);
        Assert.Equal(["dsp-1"], order.LostDisputeIds!);
        Assert.Single(order.StatusHistory, c => c.Reason?.Contains("dispute dsp-1 lost", StringComparison.Ordinal) == true);
        Assert.True((await JsonAsync(await factory.ClientAs("support", "agent").GetAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative)))).GetProperty("disputeLost").GetBoolean());
    }

    [Fact]
    public async Task The_service_subscribes_to_shipment_steps_and_closed_disputes()
    {
        var subscriptions = await JsonAsync(await factory.CreateClient().GetAsync(new Uri("/dapr/subscribe", UriKind.Relative)));

        var topics = subscriptions.EnumerateArray().Select(s => (s.GetProperty("topic").GetString(), s.GetProperty("pubsubName").GetString())).ToList();
        Assert.Contains(("shipments.status-changed", "events"), topics);
        Assert.Contains(("payments.dispute-closed", "events"), topics);
    }

    private static async Task<string> DeliverAsync(HttpClient client, string orderId, ShipmentStatus status)
    {
        var response = await client.PostAsJsonAsync(ShipmentStatusChangedHandler.Route, new ShipmentStatusChangedV1(orderId, "shp-1", "TRK-1", status));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("status").GetString()!;
    }

    private async Task<string> PlacedAsync()
    {
        var customer = NewId("customer");
        factory.Cart.Carts[customer] = Lines(("SKU-1", 1));
        return await OrderIdAsync(await PlaceAsync(factory.ClientAs("customer", customer), NewId("key"), Body()));
    }
}
