using System.Globalization;
using System.Text;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.State;

namespace Ecommerce.TestSupport;

/// <summary>
/// <see cref="ITransactionalStore"/> in memory with the semantics of a transactional Dapr store: values
/// as the platform's JSON, an ETag per version, all-or-nothing transactions, first-write inserts, TTLs.
/// </summary>
public sealed class InMemoryTransactionalStore : ITransactionalStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Item> _items = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Every stored key and its JSON, to check what is (not) kept in clear.</summary>
    public IReadOnlyDictionary<string, string> Snapshot()
    {
        lock (_lock)
        {
            return _items.Where(pair => pair.Value.IsLive).ToDictionary(pair => pair.Key, pair => Encoding.UTF8.GetString(pair.Value.Json), StringComparer.Ordinal);
        }
    }

    public void Put<T>(string key, T value)
    {
        lock (_lock)
        {
            _items[key] = new Item(JsonSerializer.SerializeToUtf8Bytes(value, JsonConventions.Options), (++_version).ToString(CultureInfo.InvariantCulture), null);
        }
    }

    public Task<Versioned<T>?> GetAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        lock (_lock)
        {
            return Task.FromResult(_items.TryGetValue(key, out var item) && item.IsLive
                ? new Versioned<T>(JsonSerializer.Deserialize<T>(item.Json, JsonConventions.Options)!, item.ETag)
                : null);
        }
    }

    public Task<StateReads> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(new StateReads(keys.Distinct(StringComparer.Ordinal)
                .Where(key => _items.TryGetValue(key, out var item) && item.IsLive)
                .Select(key => KeyValuePair.Create(key, (Encoding.UTF8.GetString(_items[key].Json), _items[key].ETag)))));
        }
    }

    public async Task<IReadOnlyList<Versioned<T>>> GetManyAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : class
    {
        var found = new List<Versioned<T>>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (await GetAsync<T>(key, cancellationToken) is { } item)
            {
                found.Add(item);
            }
        }
        return found;
    }

    public Task<bool> TryCommitAsync(IReadOnlyList<StateChange> changes, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var change in changes)
            {
                var current = _items.TryGetValue(change.Key, out var item) && item.IsLive ? item.ETag : null;
                var holds = change switch
                {
                    StateChange.Insert => current is null,
                    StateChange.Update update => current == update.ETag,
                    StateChange.Delete { ETag: { } etag } => current == etag,
                    _ => true,
                };
                if (!holds)
                {
                    return Task.FromResult(false);
                }
            }
            foreach (var change in changes)
            {
                switch (change)
                {
                    case StateChange.Insert insert:
                        Write(insert.Key, insert.Value, insert.TimeToLive);
                        break;
                    case StateChange.Update update:
                        Write(update.Key, update.Value, update.TimeToLive);
                        break;
                    case StateChange.Delete delete:
                        _items.Remove(delete.Key);
                        break;
                }
            }
            return Task.FromResult(true);
        }
    }

    private void Write(string key, object value, TimeSpan? ttl) =>
        _items[key] = new Item(
            JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), JsonConventions.Options),
            (++_version).ToString(CultureInfo.InvariantCulture),
            ttl is { } live ? DateTimeOffset.UtcNow + live : null);

    private sealed record Item(byte[] Json, string ETag, DateTimeOffset? ExpiresAt)
    {
        public bool IsLive => ExpiresAt is null || ExpiresAt > DateTimeOffset.UtcNow;
    }
}
