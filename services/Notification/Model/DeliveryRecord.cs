namespace Ecommerce.Notification.Model;

/// <summary>
/// One message: one event (its business key), one channel, one user. Written first-write before anything is
/// sent, so a redelivered event finds it: sent or skipped, nothing more happens; pending or failed, it is tried
/// again. It keeps the masked recipient and never the message itself, so no one-time token can end up here.
/// </summary>
public sealed record DeliveryRecord(
    string Id,
    string UserId,
    string EventType,
    DeliveryChannel Channel,
    string Recipient,
    DeliveryState Status,
    int Attempts,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? ClaimedAt);
