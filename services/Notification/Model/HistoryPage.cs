namespace Ecommerce.Notification.Model;

/// <summary>A page of a user's delivery history, newest first.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryItemView> Items, int Page, int PageSize, int TotalCount);

public sealed record HistoryItemView(
    string Id,
    string EventType,
    DeliveryChannel Channel,
    string Recipient,
    DeliveryState Status,
    int Attempts,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt)
{
    public static HistoryItemView From(DeliveryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, record.EventType, record.Channel, record.Recipient, record.Status, record.Attempts, record.Error, record.CreatedAt, record.SentAt);
    }
}
