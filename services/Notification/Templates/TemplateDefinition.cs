using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Templates;

/// <summary>
/// An event type's messages as shipped: its category, the placeholders its texts may use (the secret ones —
/// one-time tokens — are filled in for the message sent and nowhere else) and the default text per channel.
/// </summary>
public sealed record TemplateDefinition(
    string EventType,
    NotificationCategory Category,
    IReadOnlyList<string> Placeholders,
    IReadOnlyDictionary<DeliveryChannel, MessageTemplate> Defaults,
    IReadOnlyList<string>? SecretPlaceholders = null)
{
    public IReadOnlyList<DeliveryChannel> Channels => [.. Defaults.Keys.Order()];

    public bool IsSecret(string placeholder) => SecretPlaceholders?.Contains(placeholder, StringComparer.Ordinal) == true;
}
