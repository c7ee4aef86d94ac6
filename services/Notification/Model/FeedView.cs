namespace Ecommerce.Notification.Model;

/// <summary>A page of the feed with the user's unread count; <see cref="NextCursor"/> (the last item's id) fetches the older ones.</summary>
public sealed record FeedPage(IReadOnlyList<FeedItemView> Items, int UnreadCount, string? NextCursor);

public sealed record FeedItemView(string Id, NotificationCategory Category, string EventType, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static FeedItemView From(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Id, item.Category, item.EventType, item.Title, item.Body, item.CreatedAt, item.ReadAt);
    }
}
