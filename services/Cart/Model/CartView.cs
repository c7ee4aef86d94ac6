namespace Ecommerce.Cart.Model;

/// <summary>
/// A cart as the API shows it. <see cref="Id"/> is the anonymous cart id to send back in
/// <c>X-Cart-Id</c>, or the customer id for a signed-in customer's cart.
/// </summary>
public sealed record CartView(string Id, bool Anonymous, string? CustomerId, IReadOnlyList<CartLineView> Lines, int ItemCount, DateTimeOffset UpdatedAt)
{
    public static CartView Of(ShoppingCart cart) => new(
        cart.Owner.Id,
        cart.Owner.Anonymous,
        cart.Owner.CustomerId,
        [.. cart.Lines.Select(line => new CartLineView(line.Sku, line.Quantity, line.ProductId, line.ProductName, line.CategoryId))],
        cart.Lines.Sum(line => line.Quantity),
        cart.UpdatedAt);
}

public sealed record CartLineView(string Sku, int Quantity, string ProductId, string ProductName, string? CategoryId);
