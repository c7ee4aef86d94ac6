namespace Ecommerce.Cart.Model;

/// <summary>The route of an anonymous cart for support: <c>/api/carts/anonymous/{cartId}</c>.</summary>
public sealed record AnonymousCartKey(string CartId);
