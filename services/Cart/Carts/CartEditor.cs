using Ecommerce.Cart.Apis;
using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;

namespace Ecommerce.Cart.Carts;

/// <summary>
/// Applies an edit to a cart so that concurrent edits never lose an update: read the cart and its
/// ETag, apply the change, write only if the ETag is unchanged. With <c>If-Match</c> the client
/// asked for exactly that version, so a conflict is its 412; without it the change (add two, set
/// to three, remove) is simply re-applied to the newer version, and only a cart that stays
/// contended is a 409 (each retry after a short random pause). A cart that gets lines is put in the abandonment index first.
/// </summary>
public sealed class CartEditor(ICartStore carts, ICartIndex index, TimeProvider clock)
{
    private const int Attempts = 25;

    public async Task<CartEditResult> EditAsync(
        CartOwner owner, string? expectedETag, Func<ShoppingCart, DateTimeOffset, CartChange> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var current = await carts.GetAsync(owner, cancellationToken);
            if (expectedETag is not null && current?.ETag != expectedETag)
            {
                return CartEditResult.Failed(Problems.VersionMismatch());
            }
            var now = clock.GetUtcNow();
            var step = change(current?.Value ?? ShoppingCart.Empty(owner, now), now);
            if (step.Refusal is not null)
            {
                return CartEditResult.Failed(step.Refusal);
            }
            if (step.Changed is null)
            {
                return new CartEditResult(current?.Value ?? ShoppingCart.Empty(owner, now), current?.ETag, null);
            }
            if (step.Changed.Lines.Count > 0)
            {
                // Indexed before it is saved: a cart with lines is never missing from the scan's index.
                await index.EnsureAsync(owner, cancellationToken);
            }
            if (await carts.TrySaveAsync(step.Changed, current?.ETag, cancellationToken))
            {
                var saved = await carts.GetAsync(owner, cancellationToken)
                    ?? throw new InvalidOperationException($"The cart '{owner.Id}' was saved but cannot be read back.");
                return CartEditResult.Stored(saved);
            }
            if (expectedETag is not null)
            {
                return CartEditResult.Failed(Problems.VersionMismatch());
            }
            // A short random pause, so that edits colliding on one cart do not collide again in lockstep.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), cancellationToken);
        }
        return CartEditResult.Failed(Problems.ConcurrentChange());
    }
}
