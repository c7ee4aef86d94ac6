namespace Ecommerce.DaprLocal.State;

/// <summary>
/// One state component (<c>state.*</c>). Keys arrive fully prefixed (<c>appid||key</c>, or
/// whatever the component's <c>keyPrefix</c> makes them): a store never adds or strips prefixes.
/// Semantics follow daprd's stores:
/// <list type="bullet">
/// <item>No ETag and last-write (the default): unconditional write; every write makes a new ETag.</item>
/// <item>An ETag: the write or delete succeeds only if it equals the stored one; a missing key or
/// another ETag throws <see cref="ETagMismatchException"/>; a malformed ETag (e.g. not an integer
/// for Redis) throws <see cref="ETagInvalidException"/>.</item>
/// <item>First-write without an ETag: succeeds only if the key does not exist.</item>
/// <item>Delete of a missing key without an ETag succeeds.</item>
/// <item>Expired items (TTL) are never returned, whether or not they have been purged yet.</item>
/// </list>
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    StateStoreFeatures Features { get; }

    /// <summary>Connects, creates tables, checks the server. Called once before any other member.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The item, or null when the key does not exist or has expired.</summary>
    Task<StateItem?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// All operations or none: if any fails (an ETag mismatch included) nothing is changed and the
    /// failure is thrown. Single writes and deletes are transactions of one operation
    /// (<see cref="StateStoreExtensions"/>); the API offers transactions of several only when
    /// <see cref="Features"/> has <see cref="StateStoreFeatures.Transactional"/>.
    /// </summary>
    Task TransactAsync(IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken);

    /// <summary>
    /// Evaluates a query over the items whose key starts with <paramref name="keyPrefix"/>. Only
    /// called when <see cref="Features"/> has <see cref="StateStoreFeatures.Query"/>.
    /// </summary>
    Task<StateQueryResult> QueryAsync(string keyPrefix, StateQuery query, CancellationToken cancellationToken);
}

[Flags]
public enum StateStoreFeatures
{
    None = 0,
    ETag = 1,
    Transactional = 2,
    Ttl = 4,
    Query = 8,
}

/// <summary>A stored item. <see cref="ExpiresAt"/> is set when it has a TTL (daprd reports it as <c>ttlExpireTime</c>).</summary>
public sealed record StateItem(string Key, byte[] Value, string ETag, DateTimeOffset? ExpiresAt);

public enum StateConcurrency
{
    /// <summary>daprd's default (also what "unspecified" means).</summary>
    LastWrite,
    FirstWrite,
}

/// <summary>
/// A write. <see cref="Ttl"/> is the time to live from now; null means the store's own default
/// (component metadata <c>ttlInSeconds</c>), else no expiry; <see cref="NoExpiry"/>
/// (<c>ttlInSeconds: -1</c>) overrides a store default. <see cref="ContentType"/> is the item's
/// <c>contentType</c> metadata, if any (stores may ignore it).
/// </summary>
public sealed record StateWrite(
    string Key,
    byte[] Value,
    string? ETag = null,
    StateConcurrency Concurrency = StateConcurrency.LastWrite,
    TimeSpan? Ttl = null,
    string? ContentType = null)
{
    public static readonly TimeSpan NoExpiry = TimeSpan.FromSeconds(-1);
}

public sealed record StateDelete(string Key, string? ETag = null, StateConcurrency Concurrency = StateConcurrency.LastWrite);

/// <summary>One operation of a transaction.</summary>
public abstract record StateOperation
{
    public sealed record Upsert(StateWrite Write) : StateOperation;

    public sealed record Delete(StateDelete Request) : StateOperation;
}

/// <summary>Base of the failures a store reports, mapped by the sidecar to daprd's error codes.</summary>
public abstract class StateStoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The ETag given does not match the stored item (or the item does not exist, or first-write found one).</summary>
public sealed class ETagMismatchException(string key)
    : StateStoreException($"possible etag mismatch. error from state store: ETag mismatch for key {key}");

/// <summary>The ETag given is not in the store's format.</summary>
public sealed class ETagInvalidException(string key, string etag)
    : StateStoreException($"invalid etag value: ETag '{etag}' for key {key} is not valid for this store");
