using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;

namespace Ecommerce.Cart.Tests.Fakes;

/// <summary>The cart index in memory, in one shard.</summary>
internal sealed class InMemoryCartIndex : ICartIndex
{
    private readonly HashSet<CartOwner> _owners = [];
    private readonly Lock _writing = new();

    public int ShardCount => 1;

    public bool Contains(CartOwner owner)
    {
        lock (_writing)
        {
            return _owners.Contains(owner);
        }
    }

    public Task EnsureAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            _owners.Add(owner);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CartOwner>> ReadShardAsync(int shard, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            return Task.FromResult<IReadOnlyList<CartOwner>>([.. _owners]);
        }
    }

    public Task RemoveAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            _owners.Remove(owner);
        }
        return Task.CompletedTask;
    }
}
