namespace Ecommerce.Contracts.Identity;

/// <summary>Published on <see cref="Topics.UsersRegistered"/> once per new account (self-registration or seeded). Carries no token.</summary>
public sealed record UserRegisteredV1(string UserId, string Email, string Name) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
