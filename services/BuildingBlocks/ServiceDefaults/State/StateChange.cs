namespace Ecommerce.ServiceDefaults.State;

/// <summary>One operation of a state transaction (<see cref="ITransactionalStore.TryCommitAsync"/>).</summary>
public abstract record StateChange(string Key)
{
    /// <summary>Creates the key; the transaction fails if it exists (first-write without an ETag).</summary>
    public sealed record Insert(string Key, object Value, TimeSpan? TimeToLive = null) : StateChange(Key);

    /// <summary>Replaces the key only if it is still the version read.</summary>
    public sealed record Update(string Key, object Value, string ETag, TimeSpan? TimeToLive = null) : StateChange(Key);

    /// <summary>Deletes the key: only if it is still the version read when an ETag is given; a missing key is fine without one.</summary>
    public sealed record Delete(string Key, string? ETag = null) : StateChange(Key);

    /// <summary>An update of the version read, or an insert when there was none.</summary>
    public static StateChange Write(string key, object value, string? etag, TimeSpan? timeToLive = null) =>
        etag is null ? new Insert(key, value, timeToLive) : new Update(key, value, etag, timeToLive);
}
