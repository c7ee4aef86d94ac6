namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// The circuit breakers of one target keyed by instance (an app's methods, an actor type's ids),
/// least recently used dropped beyond a capacity — daprd's LRU, so breaker state for a rarely used
/// key may be forgotten exactly as it is there.
/// </summary>
internal sealed class BreakerCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, CircuitBreaker Breaker)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CircuitBreaker Breaker)> _recency = new();

    public CircuitBreaker GetOrAdd(string key, Func<CircuitBreaker> create)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Breaker;
            }
            var breaker = create();
            _entries[key] = _recency.AddFirst((key, breaker));
            if (_entries.Count > capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
            return breaker;
        }
    }
}
