using Dapr;
using Dapr.Client;
using Ecommerce.Contracts;

namespace Ecommerce.Catalog.Infrastructure;

/// <summary>
/// Read-change-write of one <c>catalog-store</c> document guarded by its ETag: when another writer
/// got in between, read again and redo the change. Single saves, never transactions, so the
/// outbox (which publishes every upsert of a transaction) does not announce these documents.
/// </summary>
internal static class OptimisticState
{
    private const int MaxAttempts = 20;
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    /// <summary>
    /// Applies <paramref name="change"/> to the stored value (null when there is none) and saves
    /// the result. Returning the same instance means "nothing to change": nothing is written.
    /// </summary>
    public static async Task<T> UpdateAsync<T>(this DaprClient dapr, string key, Func<T?, T> change, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await dapr.GetStateAndETagAsync<T>(Components.CatalogStore, key, cancellationToken: cancellationToken);
            var next = change(current);
            if (ReferenceEquals(next, current))
            {
                return next;
            }
            if (await TrySaveAsync(dapr, key, next, etag, cancellationToken))
            {
                return next;
            }
            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"'{key}' kept changing under {MaxAttempts} attempts to update it.");
            }
            // Writers that collided would collide again in lock step; a little jitter separates them.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), cancellationToken);
        }
    }

    private static async Task<bool> TrySaveAsync<T>(DaprClient dapr, string key, T value, string? etag, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(etag))
        {
            return await dapr.TrySaveStateAsync(Components.CatalogStore, key, value, etag, cancellationToken: cancellationToken);
        }
        try
        {
            // No document yet: first-write makes the save fail if another writer created it meanwhile.
            await dapr.SaveStateAsync(Components.CatalogStore, key, value, FirstWrite, cancellationToken: cancellationToken);
            return true;
        }
        catch (DaprException)
        {
            return false;
        }
    }
}
