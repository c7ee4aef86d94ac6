namespace Ecommerce.Contracts.Notifications;

/// <summary>
/// Sent on <see cref="Topics.NotificationsRequested"/> (the <see cref="Components.TasksPubSub"/> component) to ask the
/// notification service to send one message. <see cref="Template"/> names what to say
/// (<see cref="NotificationTemplates"/>); <see cref="Parameters"/> fills it in and may hold one-time
/// tokens, so subscribers other than the notification service must not log or keep it.
/// </summary>
public sealed record NotificationRequestedV1(
    string UserId,
    NotificationChannel Channel,
    string Recipient,
    string Template,
    IReadOnlyDictionary<string, string> Parameters) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
