using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Templates;

/// <summary>The body of <c>PUT /api/notifications/admin/templates/{eventType}/{channel}</c>.</summary>
public sealed record TemplateUpdate(string? Subject, string? Title, string? Body)
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 10_000;

    /// <summary>SMS providers split longer texts into many billed parts; ten parts is plenty.</summary>
    public const int MaxSmsLength = 1_600;

    /// <summary>Field errors (keyed as the client wrote them) for this update of a template of <paramref name="definition"/>.</summary>
    public Dictionary<string, string[]> Validate(TemplateDefinition definition, DeliveryChannel channel)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Check(string field, string? text, bool required, bool allowed, int maxLength)
        {
            if (!allowed)
            {
                if (text is not null)
                {
                    errors[field] = [$"A {Name(channel)} message has no {field}."];
                }
                return;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    errors[field] = [$"A {Name(channel)} message needs a {field}."];
                }
                return;
            }
            if (text.Length > maxLength)
            {
                errors[field] = [$"At most {maxLength} characters."];
                return;
            }
            if (Placeholders.Check(text, definition.Placeholders) is { } problem)
            {
                errors[field] = [problem];
            }
        }

        Check("subject", Subject, required: true, allowed: channel == DeliveryChannel.Email, MaxSubjectLength);
        Check("title", Title, required: true, allowed: channel == DeliveryChannel.InApp, MaxSubjectLength);
        Check("body", Body, required: true, allowed: true, channel == DeliveryChannel.Sms ? MaxSmsLength : MaxBodyLength);
        return errors;
    }

    private static string Name(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Email => "email",
        DeliveryChannel.Sms => "SMS",
        _ => "in-app",
    };
}
