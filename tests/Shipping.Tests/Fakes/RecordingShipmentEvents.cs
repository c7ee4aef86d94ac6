using System.Collections.Concurrent;
using Ecommerce.Contracts.Shipping;
using Ecommerce.Shipping.Infrastructure;

namespace Ecommerce.Shipping.Tests.Fakes;

/// <summary>Records what would have been published.</summary>
internal sealed class RecordingShipmentEvents : IShipmentEvents
{
    public ConcurrentQueue<ShipmentStatusChangedV1> StatusChanged { get; } = new();

    public IReadOnlyList<ShipmentStatus> StatusesOf(string orderId) => [.. StatusChanged.Where(e => e.OrderId == orderId).Select(e => e.Status)];

    public Task PublishStatusChangedAsync(ShipmentStatusChangedV1 changed, CancellationToken cancellationToken)
    {
        StatusChanged.Enqueue(changed);
        return Task.CompletedTask;
    }
}
