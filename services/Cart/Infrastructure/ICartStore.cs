using Ecommerce.Cart.Model;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>Where carts live. Handlers see this, never the Dapr client.</summary>
public interface ICartStore
{
    Task<Versioned<ShoppingCart>?> GetAsync(CartOwner owner, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="cart"/> provided the stored version is still <paramref name="expectedETag"/>
    /// (null: there is none yet). Returns false, having written nothing, when it is not. The cart
    /// expires the configured time to live after its <see cref="ShoppingCart.UpdatedAt"/>.
    /// </summary>
    Task<bool> TrySaveAsync(ShoppingCart cart, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Deletes the cart if the stored version is still <paramref name="expectedETag"/>; false when it is not.</summary>
    Task<bool> TryDeleteAsync(CartOwner owner, string expectedETag, CancellationToken cancellationToken);
}
