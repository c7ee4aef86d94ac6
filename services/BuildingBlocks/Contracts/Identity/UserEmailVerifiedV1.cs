namespace Ecommerce.Contracts.Identity;

/// <summary>Published on <see cref="Topics.UsersEmailVerified"/> when a user proves they own their email address.</summary>
public sealed record UserEmailVerifiedV1(string UserId, string Email) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
