using Ecommerce.Contracts.Shipping;
using Ecommerce.Shipping.Infrastructure;
using Ecommerce.Shipping.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shipping.Shipments;

/// <summary>
/// Creates and cancels shipments on a store without ETags or transactions.
/// <para>
/// Idempotency by order id: the shipment lives under <c>shipment|{orderId}</c>, and its id, tracking
/// number and label are derived from the order id (<see cref="ShipmentIdentity"/>), never drawn at
/// random. A create that finds the document returns it; two creates that both find nothing both
/// write — the store cannot make one of them lose (no first-write) — but they write the same
/// identity, the same label and the same tracking entry, so whichever write lands last the order has
/// one shipment with one tracking number. Only the creation time may differ by the width of the race;
/// each create answers with what is stored after its write.
/// </para>
/// </summary>
public sealed class ShipmentDesk(
    IShipmentStore shipments, IRateStore rates, IShipmentIndex index, ShipmentIdentity identity, IOptions<ShippingOptions> options, TimeProvider clock)
{
    public async Task<CreateOutcome> CreateAsync(CreateShipmentRequest request, CancellationToken cancellationToken)
    {
        if (await shipments.GetAsync(request.OrderId, cancellationToken) is { } existing)
        {
            if (!existing.Shipment.Matches(request.Method, request.Address, request.Lines))
            {
                return new CreateOutcome(CreateOutcomeKind.Conflict, existing);
            }
            // A retry after a failure between the shipment's write and the index's: index it again.
            await EnsureIndexedAsync(existing, cancellationToken);
            return new CreateOutcome(CreateOutcomeKind.Existing, existing);
        }
        var settings = options.Value;
        if (settings.UndeliverablePostalCodes.Contains(request.Address.PostalCode.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return new CreateOutcome(CreateOutcomeKind.Undeliverable);
        }
        var now = clock.GetUtcNow();
        var weight = RateCalculator.TotalWeightGrams(request.Lines);
        var zone = Zones.Of(request.Address.Country, settings.OriginCountry);
        if (RateCalculator.Quote(await rates.GetAsync(cancellationToken), request.Method, zone, weight, DateOnly.FromDateTime(now.UtcDateTime)) is not { } quote)
        {
            return new CreateOutcome(CreateOutcomeKind.MethodUnavailable);
        }
        var shipment = new Shipment(
            request.OrderId, identity.ShipmentId(request.OrderId), identity.TrackingNumber(request.OrderId), request.Method, request.Address,
            request.Lines, weight, quote.Price, quote.Currency, quote.EstimatedDelivery, now);
        await shipments.CreateAsync(shipment, ShippingLabel.For(shipment), cancellationToken);
        await index.EnsureAsync(shipment.OrderId, cancellationToken);
        var stored = await shipments.GetAsync(request.OrderId, cancellationToken) ?? new ShipmentRecord(shipment, null, null);
        return new CreateOutcome(CreateOutcomeKind.Created, stored);
    }

    /// <summary>
    /// Cancels before pickup. The cancellation is a document of its own, written only here, so it
    /// cannot be overwritten by the scan's progress or by a concurrent create of the same shipment.
    /// </summary>
    public async Task<CancelOutcome> CancelAsync(string orderId, CancellationToken cancellationToken)
    {
        if (await shipments.GetAsync(orderId, cancellationToken) is not { } found)
        {
            return new CancelOutcome(CancelOutcomeKind.NotFound);
        }
        var now = clock.GetUtcNow();
        var status = CarrierSchedule.StatusAt(found.Shipment.CreatedAt, found.CancelledAt, Step, now);
        if (status == ShipmentStatus.Cancelled)
        {
            return new CancelOutcome(CancelOutcomeKind.Cancelled, found);
        }
        if (status != ShipmentStatus.LabelCreated)
        {
            return new CancelOutcome(CancelOutcomeKind.TooLate, found);
        }
        await shipments.SaveCancellationAsync(found.Shipment, now, cancellationToken);
        // Two cancels racing both write a time before pickup; whichever stays, the shipment is cancelled.
        return new CancelOutcome(CancelOutcomeKind.Cancelled, await shipments.GetAsync(orderId, cancellationToken) ?? found with { CancelledAt = now });
    }

    private TimeSpan Step => options.Value.Carrier.StepDuration;

    private async Task EnsureIndexedAsync(ShipmentRecord record, CancellationToken cancellationToken)
    {
        if (!CarrierSchedule.IsFinal(record.LastAnnounced ?? ShipmentStatus.LabelCreated))
        {
            await index.EnsureAsync(record.Shipment.OrderId, cancellationToken);
        }
    }
}
