namespace Ecommerce.Cart.Model;

/// <summary>How many of a wishlist item to put in the cart when moving it there.</summary>
public sealed record MoveToCartRequest(int Quantity = 1);
