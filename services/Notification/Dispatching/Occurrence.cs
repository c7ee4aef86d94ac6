using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Dispatching;

/// <summary>
/// Something to tell one user, derived from one event: the catalog event type, the business key that identifies
/// it across redeliveries (an order and status, a transaction id, an event id), the channels it goes out on and
/// the placeholder values. <see cref="EmailAddress"/> overrides the contact directory (a request names its recipient).
/// </summary>
public sealed record Occurrence(
    string EventType,
    string BusinessKey,
    string UserId,
    IReadOnlyList<DeliveryChannel> Channels,
    IReadOnlyDictionary<string, string> Values,
    string? EmailAddress = null)
{
    /// <summary>Values are for the message only: never printed (they may hold one-time tokens).</summary>
    public override string ToString() => $"Occurrence {{ EventType = {EventType}, BusinessKey = {BusinessKey}, UserId = {UserId} }}";
}
