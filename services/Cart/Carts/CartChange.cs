using Ecommerce.Cart.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Cart.Carts;

/// <summary>
/// What one edit does to the cart as it is now: a changed cart, nothing to change, or a refusal
/// (a business rule, e.g. too many lines). It is applied to the current version, so it is re-run
/// when a concurrent edit got there first.
/// </summary>
public sealed record CartChange(ShoppingCart? Changed, ProblemHttpResult? Refusal)
{
    public static CartChange To(ShoppingCart changed) => new(changed, null);

    public static CartChange Nothing { get; } = new(null, null);

    public static CartChange Refuse(ProblemHttpResult refusal) => new(null, refusal);
}
