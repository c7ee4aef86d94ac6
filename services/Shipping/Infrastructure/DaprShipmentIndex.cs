using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Shipping.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shipping.Infrastructure;

/// <summary>
/// The active-shipment index in <c>shipping-store</c>: <see cref="Shards"/> documents per replica
/// slot (<see cref="ShippingStateKeys.ActiveShipments"/>), an order in the shard its id hashes to.
/// <para>
/// Without ETags a read-modify-write of a shared list loses an entry whenever two writers interleave,
/// and no re-read afterwards can rule that out (the other writer may land after the check). So each
/// index document has exactly one writer: the replica that owns the slot (<see cref="ShippingOptions.IndexSlot"/>),
/// which serializes its changes with a lock. Creates on a replica add to its slot, and the cron
/// binding, which fires on every replica's own sidecar, makes each replica scan and prune its own
/// slot. With one writer per document nothing interleaves, so an entry once written stays until its
/// own replica removes it after the shipment is delivered or cancelled. Replicas must have distinct
/// slots (the pod ordinal); a slot whose replica is gone stops being announced until it is back,
/// while the status itself (computed from time) stays right for every reader.
/// </para>
/// </summary>
internal sealed class DaprShipmentIndex(DaprClient dapr, IOptions<ShippingOptions> options) : IShipmentIndex, IDisposable
{
    private const int Shards = 8;

    private readonly SemaphoreSlim _writing = new(1, 1);

    public int ShardCount => Shards;

    public Task EnsureAsync(string orderId, CancellationToken cancellationToken) =>
        ChangeAsync(ShardOf(orderId), orders => orders.Contains(orderId) ? null : [.. orders, orderId], cancellationToken);

    public Task RemoveAsync(string orderId, CancellationToken cancellationToken) =>
        ChangeAsync(ShardOf(orderId), orders => orders.Contains(orderId) ? [.. orders.Where(o => o != orderId)] : null, cancellationToken);

    public async Task<IReadOnlyList<string>> ReadShardAsync(int shard, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<List<string>?>(Components.ShippingStore, Key(shard), cancellationToken: cancellationToken) ?? [];

    public void Dispose() => _writing.Dispose();

    /// <summary>Applies <c>change</c> to the shard's list (it returns the new list, or null when nothing is to change), one change at a time.</summary>
    private async Task ChangeAsync(int shard, Func<List<string>, List<string>?> change, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var orders = await dapr.GetStateAsync<List<string>?>(Components.ShippingStore, Key(shard), cancellationToken: cancellationToken) ?? [];
            if (change(orders) is { } changed)
            {
                await dapr.SaveStateAsync(Components.ShippingStore, Key(shard), changed, cancellationToken: cancellationToken);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    private string Key(int shard) => ShippingStateKeys.ActiveShipments(options.Value.IndexSlot, shard);

    private static int ShardOf(string orderId)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in orderId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % Shards);
    }
}
