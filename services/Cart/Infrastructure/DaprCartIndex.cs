using Dapr;
using Dapr.Client;
using Ecommerce.Cart.Model;
using Ecommerce.Contracts;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>
/// The index of carts in <c>cart-store</c>: <see cref="Shards"/> documents (<see cref="CartStateKeys.IndexShard"/>),
/// a cart in the one its key hashes to (FNV-1a, stable across processes), each change an ETag-checked
/// read-modify-write retried on conflict.
/// </summary>
internal sealed class DaprCartIndex(DaprClient dapr) : ICartIndex
{
    private const int Shards = 16;
    private const int Attempts = 20;

    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public int ShardCount => Shards;

    public Task EnsureAsync(CartOwner owner, CancellationToken cancellationToken) =>
        ChangeAsync(ShardOf(owner), owners => owners.Contains(owner) ? null : [.. owners, owner], cancellationToken);

    public Task RemoveAsync(CartOwner owner, CancellationToken cancellationToken) =>
        ChangeAsync(ShardOf(owner), owners => owners.Contains(owner) ? [.. owners.Where(o => o != owner)] : null, cancellationToken);

    public async Task<IReadOnlyList<CartOwner>> ReadShardAsync(int shard, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<List<CartOwner>>(Components.CartStore, CartStateKeys.IndexShard(shard), cancellationToken: cancellationToken) ?? [];

    /// <summary>Applies <c>change</c> to the shard's list: it returns the new list, or null when nothing is to change.</summary>
    private async Task ChangeAsync(int shard, Func<List<CartOwner>, List<CartOwner>?> change, CancellationToken cancellationToken)
    {
        var key = CartStateKeys.IndexShard(shard);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (owners, etag) = await dapr.GetStateAndETagAsync<List<CartOwner>>(Components.CartStore, key, cancellationToken: cancellationToken);
            var changed = change(owners ?? []);
            if (changed is null)
            {
                return;
            }
            if (owners is not null)
            {
                if (await dapr.TrySaveStateAsync(Components.CartStore, key, changed, etag, FirstWrite, cancellationToken: cancellationToken))
                {
                    return;
                }
                continue;
            }
            try
            {
                await dapr.SaveStateAsync(Components.CartStore, key, changed, FirstWrite, cancellationToken: cancellationToken);
                return;
            }
            catch (DaprException) when (attempt < Attempts)
            {
                // Another edit created the shard first: read it and apply the change again.
            }
        }
        throw new InvalidOperationException($"The cart index shard {shard} stayed contended for {Attempts} attempts.");
    }

    private static int ShardOf(CartOwner owner)
    {
        var hash = 2166136261u;
        foreach (var c in CartStateKeys.Cart(owner))
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % Shards);
    }
}
