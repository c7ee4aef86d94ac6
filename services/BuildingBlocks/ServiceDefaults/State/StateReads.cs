using System.Text.Json;
using Ecommerce.Contracts;

namespace Ecommerce.ServiceDefaults.State;

/// <summary>
/// Keys read together in one call to the store (<see cref="ITransactionalStore.ReadAsync"/>), each taken out
/// as the type it holds: a handler that needs a user's settings, a document and its index makes one round trip
/// to the sidecar instead of one per key. Each value keeps the ETag it was read at, for a later commit.
/// </summary>
public sealed class StateReads
{
    private readonly Dictionary<string, (string Json, string ETag)> _found;

    /// <param name="found">The keys that exist: their JSON (the platform's conventions) and ETag.</param>
    public StateReads(IEnumerable<KeyValuePair<string, (string Json, string ETag)>> found) =>
        _found = new Dictionary<string, (string Json, string ETag)>(found, StringComparer.Ordinal);

    public static StateReads None { get; } = new([]);

    /// <summary>The value at <paramref name="key"/>, or null when the key does not exist (or was not read).</summary>
    public Versioned<T>? Get<T>(string key)
        where T : class =>
        _found.TryGetValue(key, out var item)
            ? new Versioned<T>(JsonSerializer.Deserialize<T>(item.Json, JsonConventions.Options)!, item.ETag)
            : null;
}
