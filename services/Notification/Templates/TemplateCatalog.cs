using Ecommerce.Contracts;
using Ecommerce.Contracts.Notifications;
using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Templates;

/// <summary>
/// Every event type the service tells users about, with its shipped texts. An event type is the topic it
/// arrives on, or for <c>notifications.requested</c> the template the sender names. A (type, channel) pair
/// exists only where the service sends something: which channels an event actually uses (by status, say) is
/// decided in <see cref="Dispatching.Occurrences"/>.
/// </summary>
public static class TemplateCatalog
{
    public static IReadOnlyList<TemplateDefinition> All { get; } =
    [
        Define(Topics.UsersRegistered, NotificationCategory.Account, ["name", "email"],
            Email("Welcome to the shop, {{name}}", "Hello {{name}},\n\nyour account {{email}} is ready. Confirm your email address with the link we sent separately, and happy shopping.\n"),
            InApp("Welcome, {{name}}", "Your account is ready.")),
        Define(Topics.UsersEmailVerified, NotificationCategory.Account, ["name", "email"],
            Email("Your email address is confirmed", "Hello {{name}},\n\n{{email}} is now confirmed for your account.\n"),
            InApp("Email address confirmed", "{{email}} is confirmed.")),
        Define(Topics.UsersPasswordResetRequested, NotificationCategory.Account, ["name", "email"],
            InApp("Password reset requested", "A password reset was requested for {{email}}. If it was not you, you can ignore the email; your password stays as it is.")),
        Define(Topics.UsersLoginFailed, NotificationCategory.Account, ["name", "failures", "lockedUntil"],
            Email("Your account is locked for a while", "Hello {{name}},\n\nafter {{failures}} failed sign-ins your account is locked until {{lockedUntil}} (UTC). If it was not you, reset your password.\n"),
            InApp("Account locked", "After {{failures}} failed sign-ins your account is locked until {{lockedUntil}} (UTC).")),
        Define(NotificationTemplates.VerifyEmail, NotificationCategory.Account, ["name", "token", "expiresAt"],
            [Email("Confirm your email address", "Hello {{name}},\n\nyour email verification code is:\n\n{{token}}\n\nIt expires at {{expiresAt}} (UTC).\n")],
            secret: ["token"]),
        Define(NotificationTemplates.ResetPassword, NotificationCategory.Account, ["name", "token", "expiresAt"],
            [Email("Reset your password", "Hello {{name}},\n\nyour password reset code is:\n\n{{token}}\n\nIt expires at {{expiresAt}} (UTC). If you did not ask for it, ignore this email.\n")],
            secret: ["token"]),
        Define(Topics.OrdersSubmitted, NotificationCategory.Orders, ["name", "orderId", "itemCount"],
            Email("We received your order {{orderId}}", "Hello {{name}},\n\nwe received your order {{orderId}} ({{itemCount}} items) and are checking stock and payment. We will write again when it is confirmed.\n"),
            InApp("Order received", "Order {{orderId}} ({{itemCount}} items) is being processed.")),
        Define(Topics.OrdersStatusChanged, NotificationCategory.Orders, ["name", "orderId", "status", "reason"],
            Email("Your order {{orderId}} is {{status}}", "Hello {{name}},\n\nyour order {{orderId}} is now {{status}}.\n"),
            Sms("Order {{orderId}}: {{status}}."),
            InApp("Order {{orderId}}: {{status}}", "Your order {{orderId}} is now {{status}}. {{reason}}")),
        Define(Topics.OrdersConfirmed, NotificationCategory.Orders, ["name", "orderId", "total"],
            Email("Order {{orderId}} confirmed", "Hello {{name}},\n\nthank you: your order {{orderId}} is confirmed and paid ({{total}}). We will tell you when it ships.\n"),
            Sms("Order {{orderId}} confirmed, {{total}} paid.")),
        Define(Topics.OrdersCancelled, NotificationCategory.Orders, ["name", "orderId", "status", "reason"],
            Email("Your order {{orderId}} did not go through", "Hello {{name}},\n\nyour order {{orderId}} ended as {{status}}: {{reason}}. Nothing was charged and nothing is held for it.\n"),
            Sms("Order {{orderId}} {{status}}: {{reason}}. Nothing was charged.")),
        Define(Topics.ShipmentsStatusChanged, NotificationCategory.Shipping, ["name", "orderId", "status", "trackingNumber"],
            InApp("Parcel {{status}}", "The parcel of order {{orderId}} is {{status}} (tracking {{trackingNumber}}).")),
        Define(Topics.PaymentsRefunded, NotificationCategory.Orders, ["name", "orderId", "amount", "totalRefunded"],
            Email("Refund for order {{orderId}}", "Hello {{name}},\n\nwe refunded {{amount}} for order {{orderId}} ({{totalRefunded}} refunded in all). It can take a few days to show on your statement.\n"),
            Sms("We refunded {{amount}} for order {{orderId}}."),
            InApp("Refund issued", "{{amount}} refunded for order {{orderId}}.")),
        Define(Topics.CartAbandoned, NotificationCategory.Marketing, ["name", "itemCount"],
            Email("You left something in your cart", "Hello {{name}},\n\nyour cart still holds {{itemCount}} items. They are waiting for you.\n"),
            InApp("Still thinking it over?", "Your cart still holds {{itemCount}} items.")),
    ];

    private static readonly Dictionary<string, TemplateDefinition> ByEventType = All.ToDictionary(definition => definition.EventType, StringComparer.Ordinal);

    public static TemplateDefinition? Find(string eventType) => ByEventType.GetValueOrDefault(eventType);

    public static TemplateDefinition Get(string eventType) =>
        Find(eventType) ?? throw new ArgumentOutOfRangeException(nameof(eventType), eventType, "not an event type of the catalog");

    private static TemplateDefinition Define(string eventType, NotificationCategory category, string[] placeholders, params Func<string, MessageTemplate>[] channels) =>
        Define(eventType, category, placeholders, channels, secret: null);

    private static TemplateDefinition Define(
        string eventType, NotificationCategory category, string[] placeholders, Func<string, MessageTemplate>[] channels, string[]? secret) =>
        new(eventType, category, placeholders, channels.Select(make => make(eventType)).ToDictionary(template => template.Channel), secret);

    private static Func<string, MessageTemplate> Email(string subject, string body) =>
        eventType => new MessageTemplate(eventType, DeliveryChannel.Email, subject, null, body, null, null);

    private static Func<string, MessageTemplate> Sms(string body) =>
        eventType => new MessageTemplate(eventType, DeliveryChannel.Sms, null, null, body, null, null);

    private static Func<string, MessageTemplate> InApp(string title, string body) =>
        eventType => new MessageTemplate(eventType, DeliveryChannel.InApp, null, title, body, null, null);
}
