using Ecommerce.Cart.Apis;
using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Cart.Carts;

/// <summary>Applies an edit to a wishlist with the same ETag read-modify-write as <see cref="CartEditor"/>, re-applied on conflict.</summary>
public sealed class WishlistEditor(IWishlistStore wishlists)
{
    private const int Attempts = 10;

    /// <summary>The new wishlist from <c>change</c>: the changed one, the same one (nothing to write), or a refusal.</summary>
    public async Task<(Wishlist? Wishlist, ProblemHttpResult? Problem)> EditAsync(
        string customerId, Func<Wishlist, (Wishlist? Changed, ProblemHttpResult? Refusal)> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var current = await wishlists.GetAsync(customerId, cancellationToken);
            var wishlist = current?.Value ?? new Wishlist(customerId, []);
            var (changed, refusal) = change(wishlist);
            if (refusal is not null)
            {
                return (null, refusal);
            }
            if (changed is null || ReferenceEquals(changed, wishlist))
            {
                return (wishlist, null);
            }
            if (await wishlists.TrySaveAsync(changed, current?.ETag, cancellationToken))
            {
                return (changed, null);
            }
        }
        return (null, Problems.ConcurrentChange());
    }
}
