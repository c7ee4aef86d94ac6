using Ecommerce.DaprLocal.Resources;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// <c>state.in-memory</c>: items live in this process only, as in daprd (one store per sidecar).
/// ETags are new GUIDs per write. One lock serialises writes, so ETag checks and transactions are
/// atomic; expired items are hidden at once and purged every thirty seconds.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    private static readonly TimeSpan _purgeInterval = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Entry> _items = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeSpan? _defaultTtl;
    private readonly ILogger _logger;
    private readonly string _name;
    private PeriodicCleanup? _cleanup;

    public InMemoryStateStore(ComponentDefinition component, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        _defaultTtl = StateTtl.StoreDefault(component);
        _logger = logger ?? NullLogger.Instance;
        _name = component.Name;
    }

    public StateStoreFeatures Features =>
        StateStoreFeatures.ETag | StateStoreFeatures.Transactional | StateStoreFeatures.Ttl;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        _cleanup ??= new PeriodicCleanup(_purgeInterval, _ => PurgeExpired(), _logger, _name);
        return Task.CompletedTask;
    }

    public Task<StateItem?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Live(key, DateTimeOffset.UtcNow) is { } entry ? entry.ToItem(key) : null);
        }
    }

    public Task TransactAsync(IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        lock (_lock)
        {
            var now = DateTimeOffset.UtcNow;
            // Checked against a scratch copy of the touched keys first, so that a failure part way
            // leaves the store as it was and later operations see the effect of earlier ones.
            var pending = new Dictionary<string, Entry?>(StringComparer.Ordinal);
            foreach (var operation in operations)
            {
                var (key, etag, concurrency) = operation switch
                {
                    StateOperation.Upsert upsert => (upsert.Write.Key, upsert.Write.ETag, upsert.Write.Concurrency),
                    StateOperation.Delete delete => (delete.Request.Key, delete.Request.ETag, StateConcurrency.LastWrite),
                    _ => throw new ArgumentException($"unknown state operation {operation.GetType().Name}", nameof(operations)),
                };
                var current = pending.TryGetValue(key, out var staged) ? staged : Live(key, now);
                if (!string.IsNullOrEmpty(etag) ? current?.ETag != etag : concurrency == StateConcurrency.FirstWrite && current is not null)
                {
                    throw new ETagMismatchException(key);
                }
                pending[key] = operation is StateOperation.Upsert { Write: var write }
                    ? new Entry([.. write.Value], Guid.NewGuid().ToString(), now + StateTtl.Resolve(write.Ttl, _defaultTtl))
                    : null;
            }
            foreach (var (key, entry) in pending)
            {
                if (entry is null)
                {
                    _items.Remove(key);
                }
                else
                {
                    _items[key] = entry;
                }
            }
        }
        return Task.CompletedTask;
    }

    public Task<StateQueryResult> QueryAsync(string keyPrefix, StateQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException("state.in-memory has no query API in daprd, so DaprLocal offers none either.");

    public async ValueTask DisposeAsync()
    {
        if (_cleanup is not null)
        {
            await _cleanup.DisposeAsync();
        }
        lock (_lock)
        {
            _items.Clear();
        }
    }

    private Entry? Live(string key, DateTimeOffset now) =>
        _items.TryGetValue(key, out var entry) && !entry.IsExpired(now) ? entry : null;

    private Task PurgeExpired()
    {
        lock (_lock)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var key in _items.Where(pair => pair.Value.IsExpired(now)).Select(pair => pair.Key).ToList())
            {
                _items.Remove(key);
            }
        }
        return Task.CompletedTask;
    }

    private sealed record Entry(byte[] Value, string ETag, DateTimeOffset? ExpiresAt)
    {
        public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

        // A copy, so that a caller changing the array it got cannot change the stored item.
        public StateItem ToItem(string key) => new(key, [.. Value], ETag, ExpiresAt);
    }
}
