using Ecommerce.Contracts;
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
/// Creates accounts: the user document, the email index entry (and the verification token) in one
/// first-write transaction, so of two registrations of one email exactly one creates an account and
/// the other is told the email is taken. Announced once committed.
/// </summary>
public sealed class Registration(
    ITransactionalStore store, PasswordHasher hasher, IIdentityEvents events, IOptions<IdentityOptions> options, TimeProvider clock)
{
    /// <summary>A self-registration: a customer whose email is still to be verified (a verification email is requested).</summary>
    public Task<Outcome<UserAccount>> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CreateAsync(request.Email, request.Password, request.Name, [Roles.Customer], emailVerified: false, cancellationToken);
    }

    /// <summary>Creates an account; with <paramref name="emailVerified"/> false a verification token is issued and mailed.</summary>
    public async Task<Outcome<UserAccount>> CreateAsync(
        string email, string password, string name, IReadOnlyList<string> roles, bool emailVerified, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalised = ValidationRules.NormaliseEmail(email);
        var token = emailVerified ? null : OpaqueTokens.New();
        var tokenHash = token is null ? null : OpaqueTokens.Hash(token);
        var user = new UserAccount
        {
            Id = Guid.NewGuid().ToString("N"),
            Email = normalised,
            Name = name.Trim(),
            PasswordHash = hasher.Hash(password),
            Roles = roles,
            EmailVerified = emailVerified,
            CreatedAt = now,
            UpdatedAt = now,
            VerificationTokenHash = tokenHash,
        };
        var lifetime = options.Value.VerificationTokenLifetime;
        List<StateChange> changes =
        [
            new StateChange.Insert(IdentityStateKeys.User(user.Id), user),
            new StateChange.Insert(IdentityStateKeys.Email(normalised), new EmailIndexEntry(user.Id)),
        ];
        if (tokenHash is not null)
        {
            changes.Add(new StateChange.Insert(IdentityStateKeys.OneTimeToken(tokenHash), new OneTimeToken(OneTimePurpose.VerifyEmail, user.Id, now, now + lifetime), lifetime));
        }
        if (!await store.TryCommitAsync(changes, cancellationToken))
        {
            return Outcome.Refuse<UserAccount>(Problems.EmailTaken());
        }
        await events.UserRegisteredAsync(new UserRegisteredV1(user.Id, user.Email, user.Name), cancellationToken);
        if (token is not null)
        {
            await events.NotificationRequestedAsync(Notifications.WithToken(new MailedToken(user, token, now + lifetime), NotificationTemplates.VerifyEmail), cancellationToken);
        }
        return Outcome.Of<UserAccount>(user);
    }
}
