using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Infrastructure;

/// <summary>
/// The keys of <c>notification-store</c> (the sidecar prefixes each with the app id). Every id in a key is checked
/// by <see cref="Identifiers.IsValid"/>; delivery ids are hex digests; event types and channels come from the catalog.
/// <list type="bullet">
/// <item><c>template|{eventType}|{channel}</c>: a <see cref="Templates.MessageTemplate"/>, seeded from the catalog on first use.</item>
/// <item><c>preferences|{userId}</c>: the user's <see cref="Preferences"/> (absent: the defaults).</item>
/// <item><c>contact|{userId}</c>: the user's <see cref="Contact"/>.</item>
/// <item><c>order|{orderId}</c>: the <see cref="OrderCustomer"/> of an order.</item>
/// <item><c>delivery|{deliveryId}</c>: a <see cref="DeliveryRecord"/>, the deduplication and the history of one message (with a TTL).</item>
/// <item><c>history|{userId}</c>: the user's <see cref="HistoryIndex"/>.</item>
/// <item><c>feed|{userId}</c>: the user's <see cref="FeedDocument"/>.</item>
/// <item><c>unrouted|{digest}</c>: how often an event naming an unknown order was answered RETRY (with a TTL).</item>
/// </list>
/// </summary>
public static class NotificationStateKeys
{
    public static string Template(string eventType, DeliveryChannel channel) => $"template|{eventType}|{ChannelName(channel)}";

    public static string Preferences(string userId) => $"preferences|{userId}";

    public static string Contact(string userId) => $"contact|{userId}";

    public static string Order(string orderId) => $"order|{orderId}";

    public static string Delivery(string deliveryId) => $"delivery|{deliveryId}";

    public static string History(string userId) => $"history|{userId}";

    public static string Feed(string userId) => $"feed|{userId}";

    public static string Unrouted(string digest) => $"unrouted|{digest}";

    /// <summary>The channel as the API and the keys write it (<c>email</c>, <c>sms</c>, <c>inApp</c>).</summary>
    public static string ChannelName(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Email => "email",
        DeliveryChannel.Sms => "sms",
        _ => "inApp",
    };
}
