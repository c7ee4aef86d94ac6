using Ecommerce.Cart.Model;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>Where wishlists live.</summary>
public interface IWishlistStore
{
    Task<Versioned<Wishlist>?> GetAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Saves the wishlist if the stored version is still <paramref name="expectedETag"/> (null: none yet); false when it is not.</summary>
    Task<bool> TrySaveAsync(Wishlist wishlist, string? expectedETag, CancellationToken cancellationToken);
}
