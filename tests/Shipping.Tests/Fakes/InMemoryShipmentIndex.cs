using Ecommerce.Shipping.Infrastructure;

namespace Ecommerce.Shipping.Tests.Fakes;

/// <summary>The active-shipment index in memory, in one shard.</summary>
internal sealed class InMemoryShipmentIndex : IShipmentIndex
{
    private readonly List<string> _orders = [];
    private readonly Lock _writing = new();

    public int ShardCount => 1;

    public bool Contains(string orderId)
    {
        lock (_writing)
        {
            return _orders.Contains(orderId);
        }
    }

    public Task EnsureAsync(string orderId, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            if (!_orders.Contains(orderId))
            {
                _orders.Add(orderId);
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ReadShardAsync(int shard, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _orders]);
        }
    }

    public Task RemoveAsync(string orderId, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            _orders.Remove(orderId);
        }
        return Task.CompletedTask;
    }
}
