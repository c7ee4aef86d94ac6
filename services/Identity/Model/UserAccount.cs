namespace Ecommerce.Identity.Model;

/// <summary>
/// A user as stored (<c>user|{id}</c>). Never returned as is: <see cref="UserView"/> is what clients see.
/// The password is a self-describing PBKDF2 hash; tokens are referenced only by their SHA-256 hashes;
/// the TOTP secret is AES-GCM encrypted; recovery codes are hashed.
/// </summary>
public sealed record UserAccount
{
    public required string Id { get; init; }

    /// <summary>Normalised: trimmed, lower case (invariant).</summary>
    public required string Email { get; init; }

    public required string Name { get; init; }

    public string? Phone { get; init; }

    public required string PasswordHash { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public bool EmailVerified { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The hash of the only verification token that still works (a resend replaces it).</summary>
    public string? VerificationTokenHash { get; init; }

    /// <summary>The hash of the only password reset token that still works.</summary>
    public string? ResetTokenHash { get; init; }

    public int FailedSignIns { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public MfaSettings? Mfa { get; init; }

    /// <summary>An enrolment waiting for its first code.</summary>
    public PendingMfa? PendingMfa { get; init; }

    public bool MfaEnabled => Mfa is not null;

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

/// <summary>TOTP second factor: the encrypted secret, the last time step accepted (never twice), the unused recovery codes' hashes.</summary>
public sealed record MfaSettings(string EncryptedSecret, long LastAcceptedStep, IReadOnlyList<string> RecoveryCodeHashes, DateTimeOffset EnabledAt);

public sealed record PendingMfa(string EncryptedSecret, DateTimeOffset ExpiresAt);

/// <summary>What clients see of a user.</summary>
public sealed record UserView(
    string Id,
    string Email,
    string Name,
    string? Phone,
    IReadOnlyList<string> Roles,
    bool EmailVerified,
    bool MfaEnabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static UserView Of(UserAccount user) =>
        new(user.Id, user.Email, user.Name, user.Phone, user.Roles, user.EmailVerified, user.MfaEnabled, user.CreatedAt, user.UpdatedAt);
}
