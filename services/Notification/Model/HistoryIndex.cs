namespace Ecommerce.Notification.Model;

/// <summary>The ids of a user's deliveries, newest first, at most <see cref="NotificationOptions.HistoryLimit"/> of them.</summary>
public sealed record HistoryIndex(IReadOnlyList<string> DeliveryIds)
{
    public static HistoryIndex Empty { get; } = new([]);

    public HistoryIndex Prepend(string deliveryId, int limit) => new([deliveryId, .. DeliveryIds.Take(limit - 1)]);
}
