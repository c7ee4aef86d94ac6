namespace Ecommerce.Contracts.Identity;

/// <summary>
/// Published on <see cref="Topics.UsersLoginFailed"/> for every refused sign-in (wrong password, wrong
/// MFA code, locked account, unknown email). <see cref="UserId"/> is null when no account has that email;
/// <see cref="LockedUntil"/> is set when this failure locked the account.
/// </summary>
public sealed record LoginFailedV1(
    string? UserId,
    string Email,
    LoginFailureReason Reason,
    int ConsecutiveFailures,
    DateTimeOffset? LockedUntil,
    string? IpAddress) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
