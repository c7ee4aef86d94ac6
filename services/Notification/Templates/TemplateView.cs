using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Templates;

/// <summary>A template as admins see it, with the placeholders its event type offers and whether it is still the shipped default.</summary>
public sealed record TemplateView(
    string EventType,
    DeliveryChannel Channel,
    NotificationCategory Category,
    string? Subject,
    string? Title,
    string Body,
    IReadOnlyList<string> Placeholders,
    bool IsDefault,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy)
{
    public static TemplateView From(TemplateDefinition definition, MessageTemplate template)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(template);
        return new(template.EventType, template.Channel, definition.Category, template.Subject, template.Title, template.Body,
            definition.Placeholders, template.UpdatedAt is null, template.UpdatedAt, template.UpdatedBy);
    }
}
