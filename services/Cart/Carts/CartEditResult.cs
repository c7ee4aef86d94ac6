using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Cart.Carts;

/// <summary>The cart after an edit (with its ETag, none when nothing is stored), or the problem that stopped it.</summary>
public sealed record CartEditResult(ShoppingCart? Cart, string? ETag, ProblemHttpResult? Problem)
{
    public static CartEditResult Stored(Versioned<ShoppingCart> cart) => new(cart.Value, cart.ETag, null);

    public static CartEditResult Failed(ProblemHttpResult problem) => new(null, null, problem);
}
