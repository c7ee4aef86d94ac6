using System.Net;
using Ecommerce.Contracts.Shipping;
using static Ecommerce.Shipping.Tests.Api.ShippingRequests;

namespace Ecommerce.Shipping.Tests.Api;

/// <summary>The shipping-progress scan with a hand-moved clock and one-hour steps.</summary>
public sealed class ProgressScanTests(ShippingApiFactory factory) : IClassFixture<ShippingApiFactory>
{
    [Fact]
    public async Task Each_step_is_announced_once_in_order_and_a_delivered_shipment_leaves_the_index()
    {
        var orderId = NewOrderId();
        var created = await JsonAsync(await CreateAsync(factory.Ordering(), Shipment(orderId)));
        var client = factory.CreateClient();

        await ScanAsync(client);
        var atCreation = factory.Events.StatusesOf(orderId);
        factory.Clock.Advance(TimeSpan.FromMinutes(125));
        await ScanAsync(client);
        await ScanAsync(client);
        var twoHoursLater = factory.Events.StatusesOf(orderId);
        var stillIndexed = factory.Index.Contains(orderId);
        factory.Clock.Advance(TimeSpan.FromHours(10));
        await ScanAsync(client);
        await ScanAsync(client);

        Assert.Equal([ShipmentStatus.LabelCreated], atCreation);
        Assert.Equal([ShipmentStatus.LabelCreated, ShipmentStatus.PickedUp, ShipmentStatus.InTransit], twoHoursLater);
        Assert.True(stillIndexed);
        Assert.Equal(Enum.GetValues<ShipmentStatus>()[..5], factory.Events.StatusesOf(orderId));
        Assert.False(factory.Index.Contains(orderId));
        var delivered = factory.Events.StatusChanged.Single(e => e.OrderId == orderId && e.Status == ShipmentStatus.Delivered);
        Assert.Equal((Text(created, "shipmentId"), Text(created, "trackingNumber")), (delivered.ShipmentId, delivered.TrackingNumber));
        Assert.Equal(DateTimeOffset.Parse(Text(created, "createdAt"), System.Globalization.CultureInfo.InvariantCulture) + TimeSpan.FromHours(4), delivered.OccurredAt);
    }

    [Fact]
    public async Task A_cancelled_shipment_is_announced_cancelled_and_stops()
    {
        var orderId = NewOrderId();
        await CreateAsync(factory.Ordering(), Shipment(orderId));
        var client = factory.CreateClient();

        await CancelAsync(factory.Ordering(), orderId);
        await ScanAsync(client);
        factory.Clock.Advance(TimeSpan.FromHours(5));
        await ScanAsync(client);

        Assert.Equal([ShipmentStatus.LabelCreated, ShipmentStatus.Cancelled], factory.Events.StatusesOf(orderId));
        Assert.False(factory.Index.Contains(orderId));
    }

    [Fact]
    public async Task A_shipment_gone_from_the_store_leaves_the_index()
    {
        var orderId = NewOrderId();
        await CreateAsync(factory.Ordering(), Shipment(orderId));
        factory.Shipments.Expire(orderId);

        await ScanAsync(factory.CreateClient());

        Assert.False(factory.Index.Contains(orderId));
        Assert.Empty(factory.Events.StatusesOf(orderId));
    }

    private static async Task ScanAsync(HttpClient client) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/shipping-progress", UriKind.Relative), null)).StatusCode);
}
