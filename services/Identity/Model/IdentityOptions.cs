namespace Ecommerce.Identity.Model;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>How long an access token is valid. Short: a revoked session's access tokens live until they expire.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Sliding: a refresh token expires this long after it was issued, and each refresh issues a new
    /// one, so a session used at least this often lives on; one left alone this long is over.
    /// </summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan ResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the token of a sign-in waiting for its second factor is valid.</summary>
    public TimeSpan MfaTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an enrolled TOTP secret waits for its confirmation.</summary>
    public TimeSpan MfaEnrolmentLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>PBKDF2-HMAC-SHA256 iterations of new hashes; a stored hash with fewer is rehashed at the next sign-in.</summary>
    public int PasswordIterations { get; set; } = 210_000;

    /// <summary>How often the keys are read again while the signing key or the data key cannot be read.</summary>
    public TimeSpan SecretsRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The public origin (e.g. <c>https://shop.example.com</c>) of discovery URLs; empty: taken from the request.</summary>
    public string? PublicBaseUrl { get; set; }

    public LockoutOptions Lockout { get; set; } = new();

    public AdminOptions Admin { get; set; } = new();
}

/// <summary>
/// Consecutive failed sign-ins lock the account: the <see cref="Threshold"/>-th for <see cref="FirstLock"/>,
/// every further one (tried once the lock is over) for twice the previous lock, at most <see cref="MaxLock"/>.
/// A successful sign-in starts the count again.
/// </summary>
public sealed class LockoutOptions
{
    public int Threshold { get; set; } = 5;

    public TimeSpan FirstLock { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxLock { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the account is locked after <paramref name="consecutiveFailures"/> failures; null below the threshold.</summary>
    public TimeSpan? LockFor(int consecutiveFailures)
    {
        if (consecutiveFailures < Threshold)
        {
            return null;
        }
        var doublings = Math.Min(consecutiveFailures - Threshold, 30);
        var ticks = Math.Min(FirstLock.Ticks * (double)(1L << doublings), MaxLock.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>The account seeded at start when the admin password secret is set.</summary>
public sealed class AdminOptions
{
    public string Email { get; set; } = "admin@ecommerce.local";

    public string Name { get; set; } = "Administrator";
}
