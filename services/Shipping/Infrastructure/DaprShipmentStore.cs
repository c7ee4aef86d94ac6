using System.Text.Json;
using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Shipping;
using Ecommerce.Shipping.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shipping.Infrastructure;

/// <summary>
/// Shipments in <c>shipping-store</c> through the state API's get, bulk get and save, each document
/// with <c>ttlInSeconds</c> so that it expires <see cref="ShippingOptions.RetainFor"/> after the shipment's creation.
/// </summary>
internal sealed class DaprShipmentStore(DaprClient dapr, IOptions<ShippingOptions> options, TimeProvider clock) : IShipmentStore
{
    public async Task<ShipmentRecord?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        var keys = new[] { ShippingStateKeys.Shipment(orderId), ShippingStateKeys.Cancellation(orderId), ShippingStateKeys.Progress(orderId) };
        var items = (await dapr.GetBulkStateAsync(Components.ShippingStore, keys, parallelism: null, cancellationToken: cancellationToken))
            .ToDictionary(item => item.Key, item => item.Value, StringComparer.Ordinal);
        var shipment = Read<Shipment>(items, keys[0]);
        return shipment is null
            ? null
            : new ShipmentRecord(shipment, Read<CancellationDocument>(items, keys[1])?.CancelledAt, Read<ProgressDocument>(items, keys[2])?.LastAnnounced);
    }

    public async Task CreateAsync(Shipment shipment, ShippingLabel label, CancellationToken cancellationToken)
    {
        var metadata = Expiry(shipment);
        await dapr.SaveStateAsync(Components.ShippingStore, ShippingStateKeys.Tracking(shipment.TrackingNumber), shipment.OrderId, metadata: metadata, cancellationToken: cancellationToken);
        await dapr.SaveStateAsync(Components.ShippingStore, ShippingStateKeys.Label(shipment.ShipmentId), label, metadata: metadata, cancellationToken: cancellationToken);
        await dapr.SaveStateAsync(Components.ShippingStore, ShippingStateKeys.Shipment(shipment.OrderId), shipment, metadata: metadata, cancellationToken: cancellationToken);
    }

    public Task<string?> FindOrderIdAsync(string trackingNumber, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<string?>(Components.ShippingStore, ShippingStateKeys.Tracking(trackingNumber), cancellationToken: cancellationToken);

    public Task<ShippingLabel?> GetLabelAsync(string shipmentId, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<ShippingLabel?>(Components.ShippingStore, ShippingStateKeys.Label(shipmentId), cancellationToken: cancellationToken);

    public Task SaveCancellationAsync(Shipment shipment, DateTimeOffset cancelledAt, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(Components.ShippingStore, ShippingStateKeys.Cancellation(shipment.OrderId), new CancellationDocument(cancelledAt),
            metadata: Expiry(shipment), cancellationToken: cancellationToken);

    public Task SaveProgressAsync(Shipment shipment, ShipmentStatus lastAnnounced, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(Components.ShippingStore, ShippingStateKeys.Progress(shipment.OrderId), new ProgressDocument(lastAnnounced),
            metadata: Expiry(shipment), cancellationToken: cancellationToken);

    private Dictionary<string, string> Expiry(Shipment shipment) =>
        StateTimeToLive.Metadata(options.Value.RetainFor - (clock.GetUtcNow() - shipment.CreatedAt));

    private static T? Read<T>(Dictionary<string, string> items, string key)
        where T : class =>
        items.TryGetValue(key, out var json) && !string.IsNullOrEmpty(json) ? JsonSerializer.Deserialize<T>(json, JsonConventions.Options) : null;

    private sealed record CancellationDocument(DateTimeOffset CancelledAt);

    private sealed record ProgressDocument(ShipmentStatus LastAnnounced);
}
