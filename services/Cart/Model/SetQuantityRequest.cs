namespace Ecommerce.Cart.Model;

/// <summary>The new quantity of a line already in the cart (remove the line to go to zero).</summary>
public sealed record SetQuantityRequest(int Quantity);
