using System.Globalization;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Ecommerce.Contracts;

namespace Ecommerce.ServiceDefaults.State;

/// <summary>
/// <see cref="ITransactionalStore"/> on one state component through the sidecar: reads
/// with ETags, and <c>ExecuteStateTransactionAsync</c> for every change. Inserts are first-write
/// without an ETag (they succeed only if the key does not exist), updates and conditional deletes
/// carry the ETag read, items with a lifetime carry <c>ttlInSeconds</c>.
/// </summary>
public sealed class DaprTransactionalStore(DaprClient dapr, string storeName) : ITransactionalStore
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<Versioned<T>?> GetAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        var (value, etag) = await dapr.GetStateAndETagAsync<T>(storeName, key, cancellationToken: cancellationToken);
        return value is null ? null : new Versioned<T>(value, etag);
    }

    public async Task<IReadOnlyList<Versioned<T>>> GetManyAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : class
    {
        if (keys.Count == 0)
        {
            return [];
        }
        var items = await dapr.GetBulkStateAsync<T>(storeName, [.. keys.Distinct(StringComparer.Ordinal)], parallelism: null, cancellationToken: cancellationToken);
        return [.. items.Where(item => item.Value is not null).Select(item => new Versioned<T>(item.Value, item.ETag))];
    }

    public async Task<StateReads> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return StateReads.None;
        }
        // The untyped bulk read answers every key; one that does not exist has no value.
        var items = await dapr.GetBulkStateAsync(storeName, [.. keys.Distinct(StringComparer.Ordinal)], parallelism: null, cancellationToken: cancellationToken);
        return new StateReads(items
            .Where(item => !string.IsNullOrEmpty(item.Value))
            .Select(item => KeyValuePair.Create(item.Key, (item.Value, item.ETag))));
    }

    public async Task<bool> TryCommitAsync(IReadOnlyList<StateChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var operations = changes.Select(ToOperation).ToList();
        try
        {
            await dapr.ExecuteStateTransactionAsync(storeName, operations, cancellationToken: cancellationToken);
            return true;
        }
        catch (DaprException)
        {
            // A transaction reports a failed condition like any other failure: tell them apart by
            // looking at what is stored now.
            if (await AnyConditionBrokenAsync(changes, cancellationToken))
            {
                return false;
            }
            throw;
        }
    }

    private async Task<bool> AnyConditionBrokenAsync(IReadOnlyList<StateChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            string? expected;
            switch (change)
            {
                case StateChange.Insert:
                    expected = null;
                    break;
                case StateChange.Update update:
                    expected = update.ETag;
                    break;
                case StateChange.Delete { ETag: { } deleteETag }:
                    expected = deleteETag;
                    break;
                default:
                    continue;
            }
            var (value, etag) = await dapr.GetStateAndETagAsync<JsonElement?>(storeName, change.Key, cancellationToken: cancellationToken);
            var current = value is null || string.IsNullOrEmpty(etag) ? null : etag;
            if (current != expected)
            {
                return true;
            }
        }
        return false;
    }

    private static StateTransactionRequest ToOperation(StateChange change) => change switch
    {
        StateChange.Insert insert => new StateTransactionRequest(insert.Key, Serialize(insert.Value), StateOperationType.Upsert,
            metadata: TimeToLive(insert.TimeToLive), options: FirstWrite),
        StateChange.Update update => new StateTransactionRequest(update.Key, Serialize(update.Value), StateOperationType.Upsert,
            etag: update.ETag, metadata: TimeToLive(update.TimeToLive), options: FirstWrite),
        StateChange.Delete delete => new StateTransactionRequest(delete.Key, null, StateOperationType.Delete,
            etag: delete.ETag, options: delete.ETag is null ? null : FirstWrite),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "unknown state change"),
    };

    private static byte[] Serialize(object value) => JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), JsonConventions.Options);

    /// <summary>The state API's per-item expiry; at least a second (0 would mean "never" to some stores).</summary>
    private static Dictionary<string, string>? TimeToLive(TimeSpan? remaining) => remaining is { } ttl
        ? new() { ["ttlInSeconds"] = Math.Max(1, (long)Math.Ceiling(ttl.TotalSeconds)).ToString(CultureInfo.InvariantCulture) }
        : null;
}
