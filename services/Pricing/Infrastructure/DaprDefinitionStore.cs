using Dapr;
using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Infrastructure;

/// <summary>
/// Definitions of one kind (<c>discount</c>, <c>coupon</c>, <c>promotion</c>, <c>tax-rule</c>) in
/// <c>pricing-store</c>: one document per definition, and an index document listing their ids,
/// because not every state store answers queries (SQLite does not). All single saves: the store's
/// outbox publishes only transactions (see <see cref="DaprPriceStore"/>).
/// <para>
/// A create adds the id to the index first and then writes the definition (first-write, so an
/// existing id is refused); a delete removes the definition first and then the id. A crash between
/// the two steps leaves an id without a document, which readers skip — never a definition that
/// cannot be listed. The index itself is updated with ETags and retried on conflicts.
/// </para>
/// </summary>
internal sealed class DaprDefinitionStore<T>(DaprClient dapr, string kind) : IDefinitionStore<T>
    where T : class, IDefinition
{
    private const int IndexAttempts = 20;

    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken)
    {
        var (index, _) = await ReadIndexAsync(cancellationToken);
        return await GetManyAsync(index.Ids, cancellationToken);
    }

    public async Task<Versioned<T>?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var (definition, etag) = await dapr.GetStateAndETagAsync<T>(Components.PricingStore, Key(id), cancellationToken: cancellationToken);
        return definition is null ? null : new Versioned<T>(definition, etag);
    }

    public async Task<IReadOnlyList<T>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var keys = ids.Distinct(StringComparer.Ordinal).Select(Key).ToList();
        var items = await dapr.GetBulkStateAsync<T>(Components.PricingStore, keys, parallelism: null, cancellationToken: cancellationToken);
        return items
            .Where(item => item.Value is not null)
            .Select(item => item.Value)
            .OrderBy(definition => definition.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Versioned<T>?> CreateAsync(T definition, CancellationToken cancellationToken)
    {
        await UpdateIndexAsync(ids => ids.Add(definition.Id), cancellationToken);
        try
        {
            await dapr.SaveStateAsync(Components.PricingStore, Key(definition.Id), definition, FirstWrite, cancellationToken: cancellationToken);
        }
        catch (DaprException)
        {
            // First-write refuses an existing key like any other failure: tell them apart by looking.
            if (await GetAsync(definition.Id, cancellationToken) is not null)
            {
                return null;
            }
            throw;
        }
        return await GetAsync(definition.Id, cancellationToken)
            ?? throw new InvalidOperationException($"The {kind} '{definition.Id}' was saved but cannot be read back.");
    }

    public async Task<WriteResult<T>> ReplaceAsync(T definition, string etag, CancellationToken cancellationToken)
    {
        var current = await GetAsync(definition.Id, cancellationToken);
        if (current is null)
        {
            return new WriteResult<T>(WriteOutcome.NotFound);
        }
        // Compared here first so that a malformed ETag from a client never reaches the store.
        if (current.ETag != etag
            || !await dapr.TrySaveStateAsync(Components.PricingStore, Key(definition.Id), definition, etag, FirstWrite, cancellationToken: cancellationToken))
        {
            return new WriteResult<T>(WriteOutcome.VersionMismatch);
        }
        var stored = await GetAsync(definition.Id, cancellationToken);
        return stored is null ? new WriteResult<T>(WriteOutcome.NotFound) : new WriteResult<T>(WriteOutcome.Written, stored);
    }

    public async Task<WriteOutcome> DeleteAsync(string id, string etag, CancellationToken cancellationToken)
    {
        var current = await GetAsync(id, cancellationToken);
        if (current is null)
        {
            return WriteOutcome.NotFound;
        }
        if (current.ETag != etag
            || !await dapr.TryDeleteStateAsync(Components.PricingStore, Key(id), etag, FirstWrite, cancellationToken: cancellationToken))
        {
            return WriteOutcome.VersionMismatch;
        }
        await UpdateIndexAsync(ids => ids.Remove(id), cancellationToken);
        return WriteOutcome.Written;
    }

    private async Task<(DefinitionIndex Index, string? ETag)> ReadIndexAsync(CancellationToken cancellationToken)
    {
        var (index, etag) = await dapr.GetStateAndETagAsync<DefinitionIndex>(
            Components.PricingStore, PricingStateKeys.DefinitionIndex(kind), cancellationToken: cancellationToken);
        return (index ?? new DefinitionIndex([]), string.IsNullOrEmpty(etag) ? null : etag);
    }

    /// <summary>Applies <paramref name="change"/> to the index, retrying when another writer got there first.</summary>
    private async Task UpdateIndexAsync(Func<SortedSet<string>, bool> change, CancellationToken cancellationToken)
    {
        var key = PricingStateKeys.DefinitionIndex(kind);
        for (var attempt = 1; attempt <= IndexAttempts; attempt++)
        {
            var (index, etag) = await ReadIndexAsync(cancellationToken);
            var ids = new SortedSet<string>(index.Ids, StringComparer.Ordinal);
            if (!change(ids))
            {
                return;
            }
            var updated = new DefinitionIndex([.. ids]);
            if (etag is not null)
            {
                if (await dapr.TrySaveStateAsync(Components.PricingStore, key, updated, etag, FirstWrite, cancellationToken: cancellationToken))
                {
                    return;
                }
                continue;
            }
            try
            {
                await dapr.SaveStateAsync(Components.PricingStore, key, updated, FirstWrite, cancellationToken: cancellationToken);
                return;
            }
            catch (DaprException) when (attempt < IndexAttempts)
            {
                // Another writer created the index first: read it and apply the change again.
            }
        }
        throw new InvalidOperationException($"The {kind} index stayed contended for {IndexAttempts} attempts.");
    }

    private string Key(string id) => PricingStateKeys.Definition(kind, id);
}

/// <summary>The ids of every definition of a kind.</summary>
internal sealed record DefinitionIndex(IReadOnlyList<string> Ids);
