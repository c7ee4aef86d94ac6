using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;
using Ecommerce.ServiceDefaults.State;

namespace Ecommerce.Notification.Dispatching;

/// <summary>The users' preferences; a user who never saved any has <see cref="Preferences.Default"/> (with no stored version).</summary>
public sealed class PreferencesStore(ITransactionalStore store)
{
    public async Task<Versioned<Preferences>?> GetAsync(string userId, CancellationToken cancellationToken) =>
        await store.GetAsync<Preferences>(NotificationStateKeys.Preferences(userId), cancellationToken);

    /// <summary>
    /// Replaces the preferences. With <paramref name="expectedETag"/> (If-Match) only that version is replaced;
    /// without, whatever is stored. The new ETag, or null when the expected version is gone.
    /// </summary>
    public async Task<string?> SaveAsync(string userId, Preferences preferences, string? expectedETag, CancellationToken cancellationToken)
    {
        var key = NotificationStateKeys.Preferences(userId);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var etag = expectedETag ?? (await store.GetAsync<Preferences>(key, cancellationToken))?.ETag;
            if (await store.TryCommitAsync([StateChange.Write(key, preferences, etag)], cancellationToken))
            {
                return (await store.GetAsync<Preferences>(key, cancellationToken))?.ETag;
            }
            if (expectedETag is not null)
            {
                return null;
            }
            await ConcurrencyPause.WaitAsync(attempt, cancellationToken);
        }
        return null;
    }
}
