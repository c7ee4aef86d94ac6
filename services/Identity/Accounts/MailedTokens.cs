using Ecommerce.Identity.Infrastructure;
using Ecommerce.Identity.Model;
using Ecommerce.Identity.Security;
using Ecommerce.ServiceDefaults.State;

namespace Ecommerce.Identity.Accounts;

/// <summary>
/// The one-time tokens a user gets by email (verification, password reset): at most one live token per
/// purpose, so a new one replaces the previous in the same transaction that records its hash on the user.
/// </summary>
public sealed class MailedTokens(ITransactionalStore store, TimeProvider clock)
{
    /// <summary>
    /// Issues a token for <paramref name="purpose"/> against the version of the user read; null when the
    /// user changed meanwhile (read again and retry).
    /// </summary>
    public async Task<MailedToken?> TryIssueAsync(Versioned<UserAccount> user, OneTimePurpose purpose, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var token = OpaqueTokens.New();
        var hash = OpaqueTokens.Hash(token);
        var (previous, changed) = purpose switch
        {
            OneTimePurpose.VerifyEmail => (user.Value.VerificationTokenHash, user.Value with { VerificationTokenHash = hash, UpdatedAt = now }),
            OneTimePurpose.ResetPassword => (user.Value.ResetTokenHash, user.Value with { ResetTokenHash = hash, UpdatedAt = now }),
            _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "only verification and reset tokens are mailed"),
        };
        List<StateChange> changes =
        [
            new StateChange.Update(IdentityStateKeys.User(changed.Id), changed, user.ETag),
            new StateChange.Insert(IdentityStateKeys.OneTimeToken(hash), new OneTimeToken(purpose, changed.Id, now, now + lifetime), lifetime),
        ];
        if (previous is not null)
        {
            changes.Add(new StateChange.Delete(IdentityStateKeys.OneTimeToken(previous)));
        }
        return await store.TryCommitAsync(changes, cancellationToken) ? new MailedToken(changed, token, now + lifetime) : null;
    }
}

/// <summary>A token to mail (never stored: only its hash is) and the user as now stored.</summary>
public sealed record MailedToken(UserAccount User, string Token, DateTimeOffset ExpiresAt);
