using Ecommerce.Contracts.Cart;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Contracts.Shipping;
using Ecommerce.Notification.Dispatching;
using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Tests.Unit;

/// <summary>Which events speak on which channels, and what they deduplicate on.</summary>
public sealed class OccurrencesTests
{
    [Theory]
    [InlineData(OrderStatus.Shipped, "email,sms,inApp")]
    [InlineData(OrderStatus.Delivered, "email,sms,inApp")]
    [InlineData(OrderStatus.Returned, "email,sms,inApp")]
    [InlineData(OrderStatus.Confirmed, "inApp")]
    [InlineData(OrderStatus.Rejected, "inApp")]
    [InlineData(OrderStatus.PaymentFailed, "inApp")]
    [InlineData(OrderStatus.Failed, "inApp")]
    [InlineData(OrderStatus.Cancelled, "inApp")]
    [InlineData(OrderStatus.Submitted, "")]
    [InlineData(OrderStatus.AwaitingFraudReview, "")]
    [InlineData(OrderStatus.ReturnRequested, "")]
    public void Order_statuses_speak_on_the_channels_chosen(OrderStatus status, string channels)
    {
        var occurrence = Occurrences.Of(new OrderStatusChangedV1("o-1", "u-1", status, null, null));

        Assert.Equal(channels, string.Join(',', occurrence?.Channels.Select(Infrastructure.NotificationStateKeys.ChannelName) ?? []));
        if (occurrence is not null)
        {
            Assert.Equal($"o-1|{status}", occurrence.BusinessKey);
        }
    }

    [Fact]
    public void Two_events_announcing_one_status_make_one_delivery_id()
    {
        var first = Occurrences.Of(new OrderStatusChangedV1("o-1", "u-1", OrderStatus.Shipped, OrderStatus.Confirmed, null))!;
        var second = Occurrences.Of(new OrderStatusChangedV1("o-1", "u-1", OrderStatus.Shipped, OrderStatus.Confirmed, "again"))!;

        Assert.NotEqual(first.Values["reason"], second.Values["reason"]);
        Assert.Equal(DeliveryIds.Of(first.EventType, first.BusinessKey, DeliveryChannel.Email, first.UserId),
            DeliveryIds.Of(second.EventType, second.BusinessKey, DeliveryChannel.Email, second.UserId));
        Assert.NotEqual(DeliveryIds.Of(first.EventType, first.BusinessKey, DeliveryChannel.Email, first.UserId),
            DeliveryIds.Of(first.EventType, first.BusinessKey, DeliveryChannel.InApp, first.UserId));
    }

    [Theory]
    [InlineData(ShipmentStatus.LabelCreated, false)]
    [InlineData(ShipmentStatus.PickedUp, true)]
    [InlineData(ShipmentStatus.InTransit, true)]
    [InlineData(ShipmentStatus.OutForDelivery, true)]
    [InlineData(ShipmentStatus.Delivered, false)]
    [InlineData(ShipmentStatus.Cancelled, false)]
    public void Only_the_carriers_steps_in_between_reach_the_feed(ShipmentStatus status, bool told)
    {
        var occurrence = Occurrences.Of(new ShipmentStatusChangedV1("o-1", "s-1", "T1", status), "u-1");

        Assert.Equal(told, occurrence is not null);
        Assert.Equal(told ? [DeliveryChannel.InApp] : null, occurrence?.Channels);
    }

    [Fact]
    public void An_anonymous_abandoned_cart_tells_no_one()
    {
        Assert.Null(Occurrences.Of(new CartAbandonedV1("c-1", null, 1, DateTimeOffset.UtcNow)));
        Assert.Equal("u-1", Occurrences.Of(new CartAbandonedV1("c-1", "u-1", 1, DateTimeOffset.UtcNow))!.UserId);
    }

    [Fact]
    public void Statuses_and_money_read_as_words()
    {
        Assert.Equal("payment failed", Words.Of(OrderStatus.PaymentFailed));
        Assert.Equal("out for delivery", Words.Of(ShipmentStatus.OutForDelivery));
        Assert.Equal("123.40 EUR", Words.Money(123.4m, "EUR"));
        Assert.Equal("0.125 BHD", Words.Money(0.125m, "BHD"));
    }
}
