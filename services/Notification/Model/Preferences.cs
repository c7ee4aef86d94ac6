namespace Ecommerce.Notification.Model;

/// <summary>
/// A user's choices. Defaults: email and in-app on, SMS off; every transactional category on, marketing off.
/// The transactional categories can be switched off too, but that only silences SMS and in-app: their email
/// always goes out (an order confirmation or a password change must reach the user).
/// </summary>
public sealed record Preferences(ChannelPreferences Channels, CategoryPreferences Categories, string? PhoneNumber)
{
    public static Preferences Default { get; } = new(new ChannelPreferences(true, false, true), new CategoryPreferences(true, true, true, false), null);

    public bool Allows(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Email => Channels.Email,
        DeliveryChannel.Sms => Channels.Sms,
        _ => Channels.InApp,
    };

    public bool Allows(NotificationCategory category) => category switch
    {
        NotificationCategory.Account => Categories.Account,
        NotificationCategory.Orders => Categories.Orders,
        NotificationCategory.Shipping => Categories.Shipping,
        _ => Categories.Marketing,
    };
}

public sealed record ChannelPreferences(bool Email, bool Sms, bool InApp);

public sealed record CategoryPreferences(bool Account, bool Orders, bool Shipping, bool Marketing);
