using System.Collections.Concurrent;
using Ecommerce.Cart.Infrastructure;
using Ecommerce.Contracts.Cart;

namespace Ecommerce.Cart.Tests.Fakes;

/// <summary>Records what would have been published.</summary>
internal sealed class RecordingCartEvents : ICartEvents
{
    public ConcurrentQueue<CartAbandonedV1> Abandoned { get; } = new();

    public Task PublishAbandonedAsync(CartAbandonedV1 abandoned, CancellationToken cancellationToken)
    {
        Abandoned.Enqueue(abandoned);
        return Task.CompletedTask;
    }
}
