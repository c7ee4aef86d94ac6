namespace Ecommerce.ServiceDefaults.State;

/// <summary>
/// A service's state in one transactional Dapr state store (SQLite, PostgreSQL, Redis, ...): reads with
/// the version (ETag) read, and every change as one transaction conditioned on those versions, all or
/// nothing. The one mechanism services use when several keys must change together.
/// </summary>
public interface ITransactionalStore
{
    Task<Versioned<T>?> GetAsync<T>(string key, CancellationToken cancellationToken)
        where T : class;

    /// <summary>The values of the keys that exist (missing keys are left out).</summary>
    Task<IReadOnlyList<Versioned<T>>> GetManyAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Keys of different types in one read; take each out with <see cref="StateReads.Get{T}"/>.</summary>
    Task<StateReads> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Applies every change or none. False, having written nothing, when a condition does not hold
    /// (a key inserted exists, a key updated or deleted is no longer the version read): a concurrent
    /// change won. Any other failure is thrown.
    /// </summary>
    Task<bool> TryCommitAsync(IReadOnlyList<StateChange> changes, CancellationToken cancellationToken);
}
