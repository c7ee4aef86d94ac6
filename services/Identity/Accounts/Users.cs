using Ecommerce.Identity.Apis;
using Ecommerce.Identity.Infrastructure;
using Ecommerce.Identity.Model;
using Ecommerce.ServiceDefaults.State;

namespace Ecommerce.Identity.Accounts;

/// <summary>Reading users (by id, by email through the index) and changing one with its ETag.</summary>
public sealed class Users(ITransactionalStore store, TimeProvider clock)
{
    public const int Attempts = 5;

    public Task<Versioned<UserAccount>?> GetAsync(string id, CancellationToken cancellationToken) =>
        store.GetAsync<UserAccount>(IdentityStateKeys.User(id), cancellationToken);

    /// <summary>The user of an email address (normalised here), or null.</summary>
    public async Task<Versioned<UserAccount>?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalised = ValidationRules.NormaliseEmail(email);
        if (!ValidationRules.IsEmail(normalised))
        {
            return null;
        }
        var entry = await store.GetAsync<EmailIndexEntry>(IdentityStateKeys.Email(normalised), cancellationToken);
        return entry is null ? null : await GetAsync(entry.Value.UserId, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored user (a new value, or null for "nothing to
    /// change") and writes it if the user is still the version read. With <paramref name="ifMatch"/>
    /// only that version is changed (412 otherwise); without, a concurrent change is retried on the new version.
    /// </summary>
    public async Task<Outcome<Versioned<UserAccount>>> EditAsync(
        string id, string? ifMatch, Func<UserAccount, DateTimeOffset, Outcome<UserAccount?>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var current = await GetAsync(id, cancellationToken);
            if (current is null)
            {
                return Outcome.Refuse<Versioned<UserAccount>>(Problems.UserNotFound());
            }
            if (ifMatch is not null && ifMatch != current.ETag)
            {
                return Outcome.Refuse<Versioned<UserAccount>>(Problems.VersionMismatch());
            }
            var now = clock.GetUtcNow();
            var outcome = change(current.Value, now);
            if (!outcome.Succeeded)
            {
                return new Outcome<Versioned<UserAccount>>(null, outcome.Problem, outcome.Invalid);
            }
            if (outcome.Value is null)
            {
                return Outcome.Of<Versioned<UserAccount>>(current);
            }
            var changed = outcome.Value with { UpdatedAt = now };
            if (await store.TryCommitAsync([new StateChange.Update(IdentityStateKeys.User(id), changed, current.ETag)], cancellationToken))
            {
                return await GetAsync(id, cancellationToken) is { } written
                    ? Outcome.Of<Versioned<UserAccount>>(written)
                    : Outcome.Refuse<Versioned<UserAccount>>(Problems.UserNotFound());
            }
            if (ifMatch is not null)
            {
                return Outcome.Refuse<Versioned<UserAccount>>(Problems.VersionMismatch());
            }
        }
        return Outcome.Refuse<Versioned<UserAccount>>(Problems.ConcurrentChange());
    }
}

/// <summary>The value of <c>email|{normalisedEmail}</c>.</summary>
public sealed record EmailIndexEntry(string UserId);
