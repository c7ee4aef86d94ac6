namespace Ecommerce.Identity.Infrastructure;

/// <summary>
/// The identity service's state (keys in <see cref="IdentityStateKeys"/>). Every multi-key change is
/// one transaction, conditioned on the versions read: all or nothing.
/// </summary>
public interface IIdentityStore
{
    Task<Versioned<T>?> GetAsync<T>(string key, CancellationToken cancellationToken)
        where T : class;

    /// <summary>The values of the keys that exist (missing keys are left out).</summary>
    Task<IReadOnlyList<Versioned<T>>> GetManyAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : class;

    /// <summary>
    /// Applies every change or none. False, having written nothing, when a condition does not hold
    /// (a key inserted exists, a key updated or deleted is no longer the version read): a concurrent
    /// change won. Any other failure is thrown.
    /// </summary>
    Task<bool> TryCommitAsync(IReadOnlyList<StateChange> changes, CancellationToken cancellationToken);
}
