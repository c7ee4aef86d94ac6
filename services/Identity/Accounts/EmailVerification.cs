using Ecommerce.Contracts.Identity;
using Ecommerce.Contracts.Notifications;
using Ecommerce.Identity.Apis;
using Ecommerce.Identity.Infrastructure;
using Ecommerce.Identity.Model;
using Ecommerce.Identity.Security;
using Ecommerce.ServiceDefaults.State;
using Microsoft.Extensions.Options;

namespace Ecommerce.Identity.Accounts;

/// <summary>
/// Email verification: the token (single use, <see cref="IdentityOptions.VerificationTokenLifetime"/>)
/// is consumed and the user marked verified in one transaction; a resend replaces the token, so only
/// the newest one works.
/// </summary>
public sealed class EmailVerification(
    ITransactionalStore store, Users users, MailedTokens mailedTokens, IIdentityEvents events, IOptions<IdentityOptions> options, TimeProvider clock)
{
    public async Task<Outcome<UserAccount>> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        var hash = OpaqueTokens.Hash(token);
        var key = IdentityStateKeys.OneTimeToken(hash);
        for (var attempt = 1; attempt <= Users.Attempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var record = await store.GetAsync<OneTimeToken>(key, cancellationToken);
            if (record is null || !record.Value.IsValidFor(OneTimePurpose.VerifyEmail, now))
            {
                return Outcome.Refuse<UserAccount>(Problems.InvalidOneTimeToken());
            }
            var user = await users.GetAsync(record.Value.UserId, cancellationToken);
            if (user is null || !OpaqueTokens.SameHash(user.Value.VerificationTokenHash, hash))
            {
                return Outcome.Refuse<UserAccount>(Problems.InvalidOneTimeToken());
            }
            var verified = user.Value with { EmailVerified = true, VerificationTokenHash = null, UpdatedAt = now };
            if (await store.TryCommitAsync(
                [
                    new StateChange.Delete(key, record.ETag),
                    new StateChange.Update(IdentityStateKeys.User(verified.Id), verified, user.ETag),
                ], cancellationToken))
            {
                await events.EmailVerifiedAsync(new UserEmailVerifiedV1(verified.Id, verified.Email), cancellationToken);
                return Outcome.Of<UserAccount>(verified);
            }
        }
        return Outcome.Refuse<UserAccount>(Problems.ConcurrentChange());
    }

    /// <summary>Sends a new verification email when the account exists and is not verified; tells nobody which.</summary>
    public async Task ResendAsync(string email, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Users.Attempts; attempt++)
        {
            var user = await users.FindByEmailAsync(email, cancellationToken);
            if (user is null || user.Value.EmailVerified)
            {
                return;
            }
            if (await mailedTokens.TryIssueAsync(user, OneTimePurpose.VerifyEmail, options.Value.VerificationTokenLifetime, cancellationToken) is { } mailed)
            {
                await events.NotificationRequestedAsync(Notifications.WithToken(mailed, NotificationTemplates.VerifyEmail), cancellationToken);
                return;
            }
        }
    }
}
