using Ecommerce.Contracts.Cart;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>What the cart announces on <c>events</c>.</summary>
public interface ICartEvents
{
    Task PublishAbandonedAsync(CartAbandonedV1 abandoned, CancellationToken cancellationToken);
}
