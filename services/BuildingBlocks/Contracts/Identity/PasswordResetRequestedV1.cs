namespace Ecommerce.Contracts.Identity;

/// <summary>
/// Published on <see cref="Topics.UsersPasswordResetRequested"/> when a reset is asked for an existing
/// account. The reset token itself travels only in the <see cref="Notifications.NotificationRequestedV1"/> to the user.
/// </summary>
public sealed record PasswordResetRequestedV1(string UserId, string Email) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
