using Ecommerce.ServiceDefaults.Errors;

namespace Ecommerce.Ordering.Infrastructure;

/// <summary>The customer's cart, read from the cart service when an order is placed.</summary>
public interface ICartClient
{
    /// <summary>The cart's lines; empty when the customer has no cart. Throws <see cref="DependencyUnavailableException"/> when cart cannot answer.</summary>
    Task<IReadOnlyList<CartLine>> GetLinesAsync(string customerId, CancellationToken cancellationToken);
}

/// <summary>A line of the cart as cart's <c>GET /api/carts/customers/{customerId}</c> answers it (the fields ordering uses).</summary>
public sealed record CartLine(string Sku, int Quantity, string? CategoryId);
