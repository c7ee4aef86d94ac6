using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Step 4: creates the order's shipment (idempotent by order id in shipping). A 4xx is a refusal that retrying cannot
/// change (422 undeliverable — postal code 00000 —, method unavailable, 409 a different shipment): the order fails.
/// The shipment id and tracking number are stored on the order.
/// </summary>
public sealed class CreateShipmentActivity(OrderRepository orders, ServiceInvoker invoker, TimeProvider clock) : WorkflowActivity<OrderStep, ShipmentOutcome>
{
    public override async Task<ShipmentOutcome> RunAsync(WorkflowActivityContext context, OrderStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = await orders.GetAsync(input.OrderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {input.OrderId} does not exist.");
        var address = order.ShippingAddress;
        var request = new ShipmentRequest(
            order.Id,
            order.ShippingMethod.ToString().ToLowerInvariant(),
            new ShipmentAddress(address.Recipient, address.Line2 is null ? [address.Line1] : [address.Line1, address.Line2], address.City, address.PostalCode, address.Country),
            [.. order.Lines.Select(line => new ShipmentLine(line.Sku, line.Quantity, line.WeightGrams ?? 1))]);
        using var answer = await invoker.PostAsync(AppIds.Shipping, "api/shipping/shipments", request, CancellationToken.None);
        if (!answer.IsSuccessStatusCode)
        {
            return new ShipmentOutcome(false, null, null, $"shipment refused: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
        }
        var shipment = await ServiceInvoker.ReadAsync<ShipmentAnswer>(AppIds.Shipping, answer, CancellationToken.None);
        var now = clock.GetUtcNow();
        await orders.UpdateAsync(order.Id, current => current.ShipmentId == shipment.ShipmentId ? null
            : current with { ShipmentId = shipment.ShipmentId, TrackingNumber = shipment.TrackingNumber, UpdatedAt = now }, CancellationToken.None);
        return new ShipmentOutcome(true, shipment.ShipmentId, shipment.TrackingNumber, null);
    }

    private sealed record ShipmentAddress(string Name, IReadOnlyList<string> Lines, string City, string PostalCode, string Country);

    private sealed record ShipmentLine(string Sku, int Quantity, int WeightGrams);

    private sealed record ShipmentRequest(string OrderId, string Method, ShipmentAddress Address, IReadOnlyList<ShipmentLine> Lines);

    private sealed record ShipmentAnswer(string ShipmentId, string TrackingNumber);
}

/// <summary>Created (with its ids), or refused with the reason the order fails.</summary>
public sealed record ShipmentOutcome(bool Created, string? ShipmentId, string? TrackingNumber, string? Reason);
