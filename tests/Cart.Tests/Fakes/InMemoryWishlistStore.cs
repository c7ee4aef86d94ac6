using System.Collections.Concurrent;
using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;

namespace Ecommerce.Cart.Tests.Fakes;

/// <summary>The wishlist store's contract in memory (ETag per write, version-checked writes).</summary>
internal sealed class InMemoryWishlistStore : IWishlistStore
{
    private readonly ConcurrentDictionary<string, Versioned<Wishlist>> _wishlists = new();
    private readonly Lock _writing = new();

    public Task<Versioned<Wishlist>?> GetAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(_wishlists.GetValueOrDefault(customerId));

    public Task<bool> TrySaveAsync(Wishlist wishlist, string? expectedETag, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            if (_wishlists.GetValueOrDefault(wishlist.CustomerId)?.ETag != expectedETag)
            {
                return Task.FromResult(false);
            }
            _wishlists[wishlist.CustomerId] = new Versioned<Wishlist>(wishlist, Guid.NewGuid().ToString("N"));
            return Task.FromResult(true);
        }
    }
}
