using System.Collections.Concurrent;
using Ecommerce.Contracts.Shipping;
using Ecommerce.Shipping.Infrastructure;
using Ecommerce.Shipping.Model;

namespace Ecommerce.Shipping.Tests.Fakes;

/// <summary>Shipments in memory, one dictionary per kind of document, as the Dapr store keeps them.</summary>
internal sealed class InMemoryShipmentStore : IShipmentStore
{
    private readonly ConcurrentDictionary<string, Shipment> _shipments = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _cancellations = new();
    private readonly ConcurrentDictionary<string, ShipmentStatus> _progress = new();
    private readonly ConcurrentDictionary<string, string> _tracking = new();
    private readonly ConcurrentDictionary<string, ShippingLabel> _labels = new();

    public Task<ShipmentRecord?> GetAsync(string orderId, CancellationToken cancellationToken) =>
        Task.FromResult(_shipments.TryGetValue(orderId, out var shipment)
            ? new ShipmentRecord(
                shipment,
                _cancellations.TryGetValue(orderId, out var cancelled) ? cancelled : null,
                _progress.TryGetValue(orderId, out var announced) ? announced : null)
            : null);

    public Task CreateAsync(Shipment shipment, ShippingLabel label, CancellationToken cancellationToken)
    {
        _tracking[shipment.TrackingNumber] = shipment.OrderId;
        _labels[shipment.ShipmentId] = label;
        _shipments[shipment.OrderId] = shipment;
        return Task.CompletedTask;
    }

    public Task<string?> FindOrderIdAsync(string trackingNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_tracking.TryGetValue(trackingNumber, out var orderId) ? orderId : null);

    public Task<ShippingLabel?> GetLabelAsync(string shipmentId, CancellationToken cancellationToken) =>
        Task.FromResult(_labels.TryGetValue(shipmentId, out var label) ? label : null);

    public Task SaveCancellationAsync(Shipment shipment, DateTimeOffset cancelledAt, CancellationToken cancellationToken)
    {
        _cancellations[shipment.OrderId] = cancelledAt;
        return Task.CompletedTask;
    }

    public Task SaveProgressAsync(Shipment shipment, ShipmentStatus lastAnnounced, CancellationToken cancellationToken)
    {
        _progress[shipment.OrderId] = lastAnnounced;
        return Task.CompletedTask;
    }

    /// <summary>As if the store's TTL had removed the shipment.</summary>
    public void Expire(string orderId) => _shipments.TryRemove(orderId, out _);
}
