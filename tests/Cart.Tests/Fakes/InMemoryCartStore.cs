using System.Collections.Concurrent;
using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;

namespace Ecommerce.Cart.Tests.Fakes;

/// <summary>
/// The cart store's contract in memory: a new ETag per write, writes refused when the ETag is not the
/// stored one (first-write when there is none). The Dapr store itself is tested against a real sidecar.
/// </summary>
internal sealed class InMemoryCartStore : ICartStore
{
    private readonly ConcurrentDictionary<CartOwner, Versioned<ShoppingCart>> _carts = new();
    private readonly Lock _writing = new();

    public Task<Versioned<ShoppingCart>?> GetAsync(CartOwner owner, CancellationToken cancellationToken) =>
        Task.FromResult(_carts.GetValueOrDefault(owner));

    public async Task<bool> TrySaveAsync(ShoppingCart cart, string? expectedETag, CancellationToken cancellationToken)
    {
        // Yield first, so that concurrent edits really interleave between their read and their write.
        await Task.Yield();
        lock (_writing)
        {
            if (_carts.GetValueOrDefault(cart.Owner)?.ETag != expectedETag)
            {
                return false;
            }
            _carts[cart.Owner] = new Versioned<ShoppingCart>(cart, Guid.NewGuid().ToString("N"));
            return true;
        }
    }

    public Task<bool> TryDeleteAsync(CartOwner owner, string expectedETag, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            if (_carts.GetValueOrDefault(owner)?.ETag != expectedETag)
            {
                return Task.FromResult(false);
            }
            return Task.FromResult(_carts.TryRemove(owner, out _));
        }
    }

    /// <summary>What expiry does: the cart is gone.</summary>
    public void Expire(CartOwner owner) => _carts.TryRemove(owner, out _);
}
