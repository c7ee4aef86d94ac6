namespace Ecommerce.Identity.Infrastructure;

/// <summary>
/// The keys of <c>identity-store</c> (the sidecar prefixes each with the app id: <c>identity||user|...</c>).
/// Ids are GUIDs, emails are validated to contain no '|', token hashes are hex.
/// <list type="bullet">
/// <item><c>user|{id}</c>: the <see cref="Model.UserAccount"/> (profile, password hash, roles, lockout, MFA).</item>
/// <item><c>email|{normalisedEmail}</c>: the user id of that email; created in the same first-write transaction as the user, so an email has one account.</item>
/// <item><c>session|{id}</c>: a <see cref="Model.Session"/> (TTL: the refresh token lifetime, renewed at each refresh).</item>
/// <item><c>user-sessions|{userId}</c>: the ids of the user's sessions.</item>
/// <item><c>refresh|{sha256}</c>: a <see cref="Model.RefreshTokenRecord"/> (TTL: its expiry).</item>
/// <item><c>one-time|{sha256}</c>: a <see cref="Model.OneTimeToken"/>: email verification, password reset or MFA sign-in (TTL: its expiry).</item>
/// <item><c>addresses|{userId}</c>: the user's <see cref="Model.AddressBook"/>.</item>
/// </list>
/// </summary>
public static class IdentityStateKeys
{
    public static string User(string id) => $"user|{id}";

    public static string Email(string normalisedEmail) => $"email|{normalisedEmail}";

    public static string Session(string id) => $"session|{id}";

    public static string UserSessions(string userId) => $"user-sessions|{userId}";

    public static string RefreshToken(string hash) => $"refresh|{hash}";

    public static string OneTimeToken(string hash) => $"one-time|{hash}";

    public static string Addresses(string userId) => $"addresses|{userId}";
}
