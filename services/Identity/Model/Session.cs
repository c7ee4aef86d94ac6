namespace Ecommerce.Identity.Model;

/// <summary>
/// A sign-in on one device (<c>session|{id}</c>): the family of refresh tokens issued from it. Only
/// <see cref="CurrentRefreshHash"/> can be exchanged; deleting the session revokes every token of the family.
/// </summary>
public sealed record Session(
    string Id,
    string UserId,
    string? Device,
    string? IpAddress,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    string CurrentRefreshHash,
    DateTimeOffset ExpiresAt);

/// <summary>
/// A refresh token by its hash (<c>refresh|{sha256}</c>). Kept after its rotation (<see cref="RotatedAt"/>)
/// until it would have expired, so that presenting it again is recognised as reuse.
/// </summary>
public sealed record RefreshTokenRecord(string SessionId, string UserId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RotatedAt);

/// <summary>The sessions of a user (<c>user-sessions|{userId}</c>).</summary>
public sealed record UserSessions(IReadOnlyList<string> SessionIds);

public enum OneTimePurpose
{
    VerifyEmail,
    ResetPassword,
    MfaSignIn,
}

/// <summary>A single-use token by its hash (<c>one-time|{sha256}</c>).</summary>
public sealed record OneTimeToken(OneTimePurpose Purpose, string UserId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public bool IsValidFor(OneTimePurpose purpose, DateTimeOffset now) => Purpose == purpose && ExpiresAt > now;
}

/// <summary>A session as its owner sees it; <see cref="Current"/> marks the one the access token belongs to.</summary>
public sealed record SessionView(string Id, string? Device, string? IpAddress, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, bool Current);
