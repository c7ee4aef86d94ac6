namespace Ecommerce.DaprLocal.State;

/// <summary>
/// A single write or delete is a transaction of one operation: every store gets the ETag and
/// first-write rules from one place, its <see cref="IStateStore.TransactAsync"/>.
/// </summary>
public static class StateStoreExtensions
{
    public static Task SetAsync(this IStateStore store, StateWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(write);
        return store.TransactAsync([new StateOperation.Upsert(write)], cancellationToken);
    }

    public static Task DeleteAsync(this IStateStore store, StateDelete delete, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(delete);
        return store.TransactAsync([new StateOperation.Delete(delete)], cancellationToken);
    }
}
