using System.Security.Claims;
using Ecommerce.Cart.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Cart.Apis;

/// <summary>
/// Whose cart a request is about. A signed-in user's cart is theirs (the token's <c>sub</c>),
/// whatever else the request says; an anonymous shopper's is the one named by <c>X-Cart-Id</c>,
/// or a new one when there is none yet. The id goes back in the <c>X-Cart-Id</c> response header
/// (and the body) for the client to send again.
/// </summary>
internal static class CartAccess
{
    public const string CartIdHeader = "X-Cart-Id";

    /// <summary>The owner, or a 400 when <c>X-Cart-Id</c> is not an id this service issues.</summary>
    public static (CartOwner? Owner, ValidationProblem? Problem) Resolve(ClaimsPrincipal user, string? cartId)
    {
        if (user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } customerId })
        {
            return (CartOwner.Customer(customerId), null);
        }
        if (cartId is null)
        {
            return (CartOwner.NewGuest(), null);
        }
        return ValidationRules.IsAnonymousCartId(cartId)
            ? (CartOwner.Guest(cartId), null)
            : (null, Problems.Field(CartIdHeader, "An anonymous cart id is the 32 hexadecimal digits the cart service issued in X-Cart-Id."));
    }

    /// <summary>Tells an anonymous shopper which cart this is.</summary>
    public static void Announce(HttpContext http, CartOwner owner)
    {
        if (owner.Anonymous)
        {
            http.Response.Headers[CartIdHeader] = owner.Id;
        }
    }
}
