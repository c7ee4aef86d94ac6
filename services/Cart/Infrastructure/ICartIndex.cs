using Ecommerce.Cart.Model;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>
/// The carts that may hold lines, for the abandonment scan: the state API cannot list keys on
/// every store, so the cart service keeps its own list, split in shards so that edits of
/// different carts rarely contend on one document.
/// </summary>
public interface ICartIndex
{
    int ShardCount { get; }

    /// <summary>Adds the cart to its shard if it is not there yet (a read, and a write only when missing).</summary>
    Task EnsureAsync(CartOwner owner, CancellationToken cancellationToken);

    Task<IReadOnlyList<CartOwner>> ReadShardAsync(int shard, CancellationToken cancellationToken);

    Task RemoveAsync(CartOwner owner, CancellationToken cancellationToken);
}
