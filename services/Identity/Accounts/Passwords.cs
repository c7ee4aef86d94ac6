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
/// Forgotten passwords (a single-use reset token by email, <see cref="IdentityOptions.ResetTokenLifetime"/>;
/// a new request replaces the previous token) and password changes. A new password ends the lockout
/// and revokes the sessions (all of them after a reset; the others after a change).
/// </summary>
public sealed class Passwords(
    ITransactionalStore store, Users users, MailedTokens mailedTokens, Sessions sessions, SignIn signIn, PasswordHasher hasher, IIdentityEvents events,
    IOptions<IdentityOptions> options, TimeProvider clock)
{
    /// <summary>Mails a reset token when the account exists; tells nobody whether it does.</summary>
    public async Task ForgotAsync(string email, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Users.Attempts; attempt++)
        {
            var user = await users.FindByEmailAsync(email, cancellationToken);
            if (user is null)
            {
                return;
            }
            if (await mailedTokens.TryIssueAsync(user, OneTimePurpose.ResetPassword, options.Value.ResetTokenLifetime, cancellationToken) is { } mailed)
            {
                await events.PasswordResetRequestedAsync(new PasswordResetRequestedV1(mailed.User.Id, mailed.User.Email), cancellationToken);
                await events.NotificationRequestedAsync(Notifications.WithToken(mailed, NotificationTemplates.ResetPassword), cancellationToken);
                return;
            }
        }
    }

    /// <summary>Sets a new password with a reset token: the token is consumed, the lockout cleared, every session revoked.</summary>
    public async Task<Outcome<UserAccount>> ResetAsync(ResetPasswordRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = OpaqueTokens.Hash(request.Token);
        var key = IdentityStateKeys.OneTimeToken(hash);
        for (var attempt = 1; attempt <= Users.Attempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var record = await store.GetAsync<OneTimeToken>(key, cancellationToken);
            if (record is null || !record.Value.IsValidFor(OneTimePurpose.ResetPassword, now))
            {
                return Outcome.Refuse<UserAccount>(Problems.InvalidOneTimeToken());
            }
            var user = await users.GetAsync(record.Value.UserId, cancellationToken);
            if (user is null || !OpaqueTokens.SameHash(user.Value.ResetTokenHash, hash))
            {
                return Outcome.Refuse<UserAccount>(Problems.InvalidOneTimeToken());
            }
            if (PasswordPolicy.Check(request.NewPassword, user.Value.Email) is { } refused)
            {
                return Outcome.Refuse<UserAccount>(Problems.Field("newPassword", refused));
            }
            var changed = user.Value with
            {
                PasswordHash = hasher.Hash(request.NewPassword),
                ResetTokenHash = null,
                FailedSignIns = 0,
                LockedUntil = null,
                UpdatedAt = now,
            };
            if (await store.TryCommitAsync(
                [
                    new StateChange.Delete(key, record.ETag),
                    new StateChange.Update(IdentityStateKeys.User(changed.Id), changed, user.ETag),
                ], cancellationToken))
            {
                await sessions.RevokeAllAsync(changed.Id, keepSessionId: null, cancellationToken);
                return Outcome.Of<UserAccount>(changed);
            }
        }
        return Outcome.Refuse<UserAccount>(Problems.ConcurrentChange());
    }

    /// <summary>
    /// A signed-in user's change: the current password is checked (a wrong one counts toward the
    /// lockout, as a stolen access token must not allow guessing it), the other sessions are revoked.
    /// </summary>
    public async Task<Outcome<UserAccount>> ChangeAsync(string userId, string? sessionId, ChangePasswordRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await users.GetAsync(userId, cancellationToken);
        if (user is null)
        {
            return Outcome.Refuse<UserAccount>(Problems.UserNotFound());
        }
        var now = clock.GetUtcNow();
        if (user.Value.IsLocked(now))
        {
            return Outcome.Refuse<UserAccount>(Problems.Locked(user.Value.LockedUntil!.Value - now));
        }
        if (!hasher.Verify(request.CurrentPassword, user.Value.PasswordHash).Valid)
        {
            await signIn.FailAsync(userId, LoginFailureReason.WrongPassword, client, Problems.InvalidCredentials(), cancellationToken);
            return Outcome.Refuse<UserAccount>(Problems.Field("currentPassword", "The current password is not correct."));
        }
        if (PasswordPolicy.Check(request.NewPassword, user.Value.Email) is { } refused)
        {
            return Outcome.Refuse<UserAccount>(Problems.Field("newPassword", refused));
        }
        var newHash = hasher.Hash(request.NewPassword);
        var changed = await users.EditAsync(userId, null, (current, _) =>
            Outcome.Of<UserAccount?>(current with { PasswordHash = newHash, FailedSignIns = 0, LockedUntil = null }), cancellationToken);
        if (!changed.Succeeded)
        {
            return new Outcome<UserAccount>(null, changed.Problem, changed.Invalid);
        }
        await sessions.RevokeAllAsync(userId, sessionId, cancellationToken);
        return Outcome.Of<UserAccount>(changed.Value!.Value);
    }
}
