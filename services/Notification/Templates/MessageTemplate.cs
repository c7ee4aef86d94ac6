using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Templates;

/// <summary>
/// What to say for one event type on one channel: email has a subject and a body, SMS a body, in-app a title and
/// a body. Texts hold placeholders (<c>{{orderId}}</c>) from the event type's <see cref="TemplateDefinition.Placeholders"/>.
/// </summary>
public sealed record MessageTemplate(string EventType, DeliveryChannel Channel, string? Subject, string? Title, string Body, DateTimeOffset? UpdatedAt, string? UpdatedBy);
