namespace Ecommerce.Shipping.Infrastructure;

/// <summary>
/// The shipments that are not delivered or cancelled yet, for the progress scan: the state API
/// cannot list keys (and Cassandra has no query API), so shipping keeps its own list of order ids,
/// split in shards so that no document grows without bound.
/// </summary>
public interface IShipmentIndex
{
    int ShardCount { get; }

    /// <summary>Adds the order to its shard if it is not there yet.</summary>
    Task EnsureAsync(string orderId, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ReadShardAsync(int shard, CancellationToken cancellationToken);

    Task RemoveAsync(string orderId, CancellationToken cancellationToken);
}
