using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Dispatching;

/// <summary>
/// Whether a user's preferences let a message out on a channel. The rule: transactional messages (account,
/// orders, shipping) always go out by email, whatever was opted out of — the user must learn that their order
/// was charged or their password reset; on SMS and in-app they need both the channel and the category on.
/// Marketing goes out only on channels that are on, to a user who opted in to marketing (off by default).
/// </summary>
public static class DeliveryRules
{
    public static bool IsTransactional(NotificationCategory category) => category != NotificationCategory.Marketing;

    /// <summary>Why the message must not go out on this channel, or null when it may.</summary>
    public static string? SkipReason(NotificationCategory category, DeliveryChannel channel, Preferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (channel == DeliveryChannel.Email && IsTransactional(category))
        {
            return null;
        }
        if (!preferences.Allows(channel))
        {
            return $"The user turned the {Infrastructure.NotificationStateKeys.ChannelName(channel)} channel off.";
        }
        if (!preferences.Allows(category))
        {
            return $"The user opted out of {category.ToString().ToLowerInvariant()} messages.";
        }
        return null;
    }
}
