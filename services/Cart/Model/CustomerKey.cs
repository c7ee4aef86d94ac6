namespace Ecommerce.Cart.Model;

/// <summary>The route of a customer's cart for support: <c>/api/carts/customers/{customerId}</c>.</summary>
public sealed record CustomerKey(string CustomerId);
