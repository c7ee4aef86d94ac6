using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;
using Ecommerce.Contracts.Cart;
using Microsoft.Extensions.Options;

namespace Ecommerce.Cart.Abandonment;

/// <summary>
/// Finds carts that are not empty and were left untouched for <see cref="CartOptions.AbandonAfter"/>
/// and announces each once on <c>cart.abandoned</c>. It walks the cart index (carts that may hold
/// lines) rather than the store, which cannot list keys on every kind. An abandonment is first
/// claimed in the cart — <see cref="ShoppingCart.AbandonmentAnnouncedFor"/> set with the cart's ETag —
/// and only the scan whose write wins publishes, so overlapping scans (several replicas) and a
/// shopper touching the cart meanwhile both end with at most one event. Carts gone (expired,
/// emptied) leave the index.
/// </summary>
public sealed partial class AbandonmentScanner(
    ICartStore carts, ICartIndex index, ICartEvents events, IOptions<CartOptions> options, TimeProvider clock, ILogger<AbandonmentScanner> logger)
{
    /// <summary>Scans every shard; returns how many carts were announced abandoned.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var announced = 0;
        for (var shard = 0; shard < index.ShardCount; shard++)
        {
            foreach (var owner in await index.ReadShardAsync(shard, cancellationToken))
            {
                if (await ScanCartAsync(owner, cancellationToken))
                {
                    announced++;
                }
            }
        }
        return announced;
    }

    private async Task<bool> ScanCartAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        var found = await carts.GetAsync(owner, cancellationToken);
        if (found is null || found.Value.Lines.Count == 0)
        {
            await index.RemoveAsync(owner, cancellationToken);
            // A line added between the read and the removal must keep the cart in the index.
            if ((await carts.GetAsync(owner, cancellationToken))?.Value.Lines.Count > 0)
            {
                await index.EnsureAsync(owner, cancellationToken);
            }
            return false;
        }
        var cart = found.Value;
        if (!cart.IsAbandoned(clock.GetUtcNow(), options.Value.AbandonAfter))
        {
            return false;
        }
        if (!await carts.TrySaveAsync(cart with { AbandonmentAnnouncedFor = cart.UpdatedAt }, found.ETag, cancellationToken))
        {
            return false; // Touched by the shopper, or claimed by another scan, since it was read.
        }
        try
        {
            await events.PublishAbandonedAsync(
                new CartAbandonedV1(owner.Id, owner.CustomerId, cart.Lines.Count, cart.UpdatedAt) { OccurredAt = clock.GetUtcNow() },
                cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Not announced: withdraw the claim so the next scan tries again (unless the cart changed meanwhile).
            LogPublishFailed(logger, error, owner.Id);
            if (await carts.GetAsync(owner, cancellationToken) is { } claimed && claimed.Value.AbandonmentAnnouncedFor == cart.UpdatedAt)
            {
                await carts.TrySaveAsync(claimed.Value with { AbandonmentAnnouncedFor = cart.AbandonmentAnnouncedFor }, claimed.ETag, cancellationToken);
            }
            throw;
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "cart.abandoned for cart {CartId} could not be published; the next scan retries")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string cartId);
}
