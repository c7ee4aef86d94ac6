using Dapr;
using Dapr.Client;
using Ecommerce.Cart.Model;
using Ecommerce.Contracts;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>
/// Wishlists in <c>cart-store</c>, one document per customer (<see cref="CartStateKeys.Wishlist"/>),
/// ETag-checked. Unlike carts they do not expire: a wish is kept until the customer removes it.
/// </summary>
internal sealed class DaprWishlistStore(DaprClient dapr) : IWishlistStore
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<Versioned<Wishlist>?> GetAsync(string customerId, CancellationToken cancellationToken)
    {
        var (wishlist, etag) = await dapr.GetStateAndETagAsync<Wishlist>(Components.CartStore, CartStateKeys.Wishlist(customerId), cancellationToken: cancellationToken);
        return wishlist is null ? null : new Versioned<Wishlist>(wishlist, etag);
    }

    public async Task<bool> TrySaveAsync(Wishlist wishlist, string? expectedETag, CancellationToken cancellationToken)
    {
        var key = CartStateKeys.Wishlist(wishlist.CustomerId);
        if (expectedETag is not null)
        {
            return await dapr.TrySaveStateAsync(Components.CartStore, key, wishlist, expectedETag, FirstWrite, cancellationToken: cancellationToken);
        }
        try
        {
            await dapr.SaveStateAsync(Components.CartStore, key, wishlist, FirstWrite, cancellationToken: cancellationToken);
            return true;
        }
        catch (DaprException)
        {
            if (await GetAsync(wishlist.CustomerId, cancellationToken) is not null)
            {
                return false;
            }
            throw;
        }
    }
}
