using Dapr;
using Dapr.Client;
using Ecommerce.Cart.Model;
using Ecommerce.Contracts;
using Microsoft.Extensions.Options;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>
/// Carts in the <c>cart-store</c> state component, one document per cart (<see cref="CartStateKeys.Cart"/>).
/// Every write is ETag-checked (first-write when there is no cart yet) and carries <c>ttlInSeconds</c>
/// counted from the shopper's last change, so an untouched cart disappears by itself and a write that
/// is not the shopper's (the abandonment mark) does not prolong its life.
/// </summary>
internal sealed class DaprCartStore(DaprClient dapr, IOptions<CartOptions> options, TimeProvider clock) : ICartStore
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<Versioned<ShoppingCart>?> GetAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        var (cart, etag) = await dapr.GetStateAndETagAsync<ShoppingCart>(Components.CartStore, CartStateKeys.Cart(owner), cancellationToken: cancellationToken);
        return cart is null ? null : new Versioned<ShoppingCart>(cart, etag);
    }

    public async Task<bool> TrySaveAsync(ShoppingCart cart, string? expectedETag, CancellationToken cancellationToken)
    {
        var key = CartStateKeys.Cart(cart.Owner);
        var metadata = StateTimeToLive.Metadata(options.Value.TimeToLive - (clock.GetUtcNow() - cart.UpdatedAt));
        if (expectedETag is not null)
        {
            return await dapr.TrySaveStateAsync(Components.CartStore, key, cart, expectedETag, FirstWrite, metadata, cancellationToken);
        }
        try
        {
            await dapr.SaveStateAsync(Components.CartStore, key, cart, FirstWrite, metadata, cancellationToken);
            return true;
        }
        catch (DaprException)
        {
            // First-write without an ETag fails when someone created the cart meanwhile; any other
            // failure leaves no cart behind and is rethrown.
            if (await GetAsync(cart.Owner, cancellationToken) is not null)
            {
                return false;
            }
            throw;
        }
    }

    public Task<bool> TryDeleteAsync(CartOwner owner, string expectedETag, CancellationToken cancellationToken) =>
        dapr.TryDeleteStateAsync(Components.CartStore, CartStateKeys.Cart(owner), expectedETag, FirstWrite, cancellationToken: cancellationToken);
}
