namespace Ecommerce.Notification.Model;

/// <summary>
/// One message of a user's in-app feed. <see cref="Id"/> is the feed's sequence number (as text): ids grow, so
/// "after id N" is the replay of an event stream's <c>Last-Event-ID</c> and "before id N" a page cursor.
/// </summary>
public sealed record FeedItem(
    string Id,
    string DeliveryId,
    NotificationCategory Category,
    string EventType,
    string Title,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt)
{
    public long Sequence => FeedIds.TryParse(Id, out var sequence) ? sequence : 0;
}
