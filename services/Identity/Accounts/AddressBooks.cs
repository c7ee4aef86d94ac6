using Ecommerce.Identity.Apis;
using Ecommerce.Identity.Infrastructure;
using Ecommerce.Identity.Model;
using Ecommerce.ServiceDefaults.State;

namespace Ecommerce.Identity.Accounts;

/// <summary>
/// The user's addresses, one document per user (<c>addresses|{userId}</c>), each change an ETag-checked
/// write: with If-Match only that version is changed (412 otherwise), without it a concurrent change is retried.
/// </summary>
public sealed class AddressBooks(ITransactionalStore store)
{
    public async Task<Versioned<AddressBook>?> GetAsync(string userId, CancellationToken cancellationToken) =>
        await store.GetAsync<AddressBook>(IdentityStateKeys.Addresses(userId), cancellationToken);

    /// <summary>Applies <paramref name="change"/> (the new book, or a problem) to the user's book.</summary>
    public async Task<Outcome<Versioned<AddressBook>>> EditAsync(
        string userId, string? ifMatch, Func<AddressBook, Outcome<AddressBook>> change, CancellationToken cancellationToken)
    {
        var key = IdentityStateKeys.Addresses(userId);
        for (var attempt = 1; attempt <= Users.Attempts; attempt++)
        {
            var current = await GetAsync(userId, cancellationToken);
            if (ifMatch is not null && ifMatch != current?.ETag)
            {
                return Outcome.Refuse<Versioned<AddressBook>>(Problems.VersionMismatch());
            }
            var outcome = change(current?.Value ?? AddressBook.Empty(userId));
            if (!outcome.Succeeded)
            {
                return new Outcome<Versioned<AddressBook>>(null, outcome.Problem, outcome.Invalid);
            }
            if (await store.TryCommitAsync([StateChange.Write(key, outcome.Value!, current?.ETag)], cancellationToken))
            {
                return await GetAsync(userId, cancellationToken) is { } written
                    ? Outcome.Of<Versioned<AddressBook>>(written)
                    : Outcome.Refuse<Versioned<AddressBook>>(Problems.ConcurrentChange());
            }
            if (ifMatch is not null)
            {
                return Outcome.Refuse<Versioned<AddressBook>>(Problems.VersionMismatch());
            }
        }
        return Outcome.Refuse<Versioned<AddressBook>>(Problems.ConcurrentChange());
    }
}
