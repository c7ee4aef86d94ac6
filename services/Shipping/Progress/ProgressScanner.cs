using Ecommerce.Contracts.Shipping;
using Ecommerce.Shipping.Infrastructure;
using Ecommerce.Shipping.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shipping.Progress;

/// <summary>
/// Announces the simulated carrier's steps. For every shipment in this replica's index it computes
/// the steps reached by now (<see cref="CarrierSchedule"/>) and publishes shipments.status-changed
/// for each step after the last one announced, in order, recording each as announced after its
/// publication. A crash between the two, or a shipment indexed by two replicas, announces a step
/// again: consumers deduplicate on (shipment id, status). Delivered and cancelled shipments leave
/// the index once their last step is announced; shipments gone from the store (expired) too.
/// </summary>
public sealed partial class ProgressScanner(
    IShipmentStore shipments, IShipmentIndex index, IShipmentEvents events, IOptions<ShippingOptions> options, TimeProvider clock, ILogger<ProgressScanner> logger)
{
    /// <summary>Scans every shard; returns how many status changes were announced.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var announced = 0;
        for (var shard = 0; shard < index.ShardCount; shard++)
        {
            foreach (var orderId in await index.ReadShardAsync(shard, cancellationToken))
            {
                try
                {
                    announced += await ScanShipmentAsync(orderId, cancellationToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // One shipment that cannot be read or announced must not hold up the others; the next scan retries it.
                    LogScanFailed(logger, error, orderId);
                }
            }
        }
        return announced;
    }

    private async Task<int> ScanShipmentAsync(string orderId, CancellationToken cancellationToken)
    {
        if (await shipments.GetAsync(orderId, cancellationToken) is not { } record)
        {
            await index.RemoveAsync(orderId, cancellationToken);
            return 0;
        }
        var shipment = record.Shipment;
        var history = CarrierSchedule.History(shipment.CreatedAt, record.CancelledAt, options.Value.Carrier.StepDuration, clock.GetUtcNow());
        var pending = history.Where(step => record.LastAnnounced is not { } last || step.Status > last).ToList();
        foreach (var step in pending)
        {
            await events.PublishStatusChangedAsync(
                new ShipmentStatusChangedV1(shipment.OrderId, shipment.ShipmentId, shipment.TrackingNumber, step.Status) { OccurredAt = step.At },
                cancellationToken);
            await shipments.SaveProgressAsync(shipment, step.Status, cancellationToken);
        }
        if (CarrierSchedule.IsFinal(history[^1].Status))
        {
            await index.RemoveAsync(orderId, cancellationToken);
        }
        return pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The progress of the shipment of order {OrderId} could not be announced; the next scan retries")]
    private static partial void LogScanFailed(ILogger logger, Exception exception, string orderId);
}
