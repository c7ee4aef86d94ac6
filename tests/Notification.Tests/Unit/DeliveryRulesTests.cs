using Ecommerce.Notification.Dispatching;
using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Tests.Unit;

public sealed class DeliveryRulesTests
{
    private static readonly Preferences EverythingOff = new(new ChannelPreferences(false, false, false), new CategoryPreferences(false, false, false, false), null);

    [Theory]
    [InlineData(NotificationCategory.Account)]
    [InlineData(NotificationCategory.Orders)]
    [InlineData(NotificationCategory.Shipping)]
    public void Transactional_email_is_always_sent_whatever_was_opted_out(NotificationCategory category)
    {
        Assert.Null(DeliveryRules.SkipReason(category, DeliveryChannel.Email, EverythingOff));
        Assert.NotNull(DeliveryRules.SkipReason(category, DeliveryChannel.InApp, EverythingOff));
        Assert.NotNull(DeliveryRules.SkipReason(category, DeliveryChannel.Sms, EverythingOff));
    }

    [Fact]
    public void Marketing_is_off_by_default_and_needs_both_the_category_and_the_channel()
    {
        Assert.Contains("marketing", DeliveryRules.SkipReason(NotificationCategory.Marketing, DeliveryChannel.Email, Preferences.Default), StringComparison.Ordinal);
        Assert.Contains("marketing", DeliveryRules.SkipReason(NotificationCategory.Marketing, DeliveryChannel.InApp, Preferences.Default), StringComparison.Ordinal);

        var optedIn = Preferences.Default with { Categories = Preferences.Default.Categories with { Marketing = true } };
        Assert.Null(DeliveryRules.SkipReason(NotificationCategory.Marketing, DeliveryChannel.Email, optedIn));
        Assert.Contains("sms", DeliveryRules.SkipReason(NotificationCategory.Marketing, DeliveryChannel.Sms, optedIn), StringComparison.Ordinal);
        var emailOff = optedIn with { Channels = optedIn.Channels with { Email = false } };
        Assert.Contains("email", DeliveryRules.SkipReason(NotificationCategory.Marketing, DeliveryChannel.Email, emailOff), StringComparison.Ordinal);
    }

    [Fact]
    public void A_transactional_category_switched_off_silences_sms_and_in_app_only()
    {
        var ordersOff = Preferences.Default with
        {
            Channels = new ChannelPreferences(true, true, true),
            Categories = Preferences.Default.Categories with { Orders = false },
        };

        Assert.Null(DeliveryRules.SkipReason(NotificationCategory.Orders, DeliveryChannel.Email, ordersOff));
        Assert.Contains("orders", DeliveryRules.SkipReason(NotificationCategory.Orders, DeliveryChannel.InApp, ordersOff), StringComparison.Ordinal);
        Assert.Null(DeliveryRules.SkipReason(NotificationCategory.Shipping, DeliveryChannel.Sms, ordersOff));
    }
}
