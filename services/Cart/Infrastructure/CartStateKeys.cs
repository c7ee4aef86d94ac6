using Ecommerce.Cart.Model;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>
/// The keys of <c>cart-store</c>. SKUs and anonymous cart ids are validated to contain no '|';
/// customer ids are the identity service's ids. (The sidecar prefixes each key with the app id: <c>cart||cart|customer|...</c>.)
/// </summary>
internal static class CartStateKeys
{
    public static string Cart(CartOwner owner) => owner.Anonymous ? $"cart|anonymous|{owner.Id}" : $"cart|customer|{owner.Id}";

    public static string Wishlist(string customerId) => $"wishlist|{customerId}";

    public static string IndexShard(int shard) => $"active-carts|{shard}";
}
