using Ecommerce.Shipping.Infrastructure;
using Ecommerce.Shipping.Model;
using Ecommerce.Shipping.Shipments;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shipping.Apis;

/// <summary>Shipments, for the ordering service's checkout saga (service invocation) and the back office.</summary>
public static class ShipmentsApi
{
    public static IEndpointRouteBuilder MapShipmentsApi(this IEndpointRouteBuilder app)
    {
        var shipments = app.MapGroup("/api/shipping/shipments")
            .WithTags("Shipments")
            .WithRequestValidation();

        shipments.MapPost("/", Create)
            .WithName("CreateShipment")
            .WithSummary("Create the shipment of an order")
            .WithDescription("503 with Retry-After while the tracking key (secret SHIPPING_TRACKING_KEY) is not loaded. Idempotent by order id: 201 when this call created it, 200 with the same shipment (same id, tracking number and label) when the order already has it; 409 when the order's shipment has another method, address or lines. 422 with reason 'undeliverable' for a postal code on Shipping:UndeliverablePostalCodes (00000 by default, to exercise the saga's compensation), 'method-unavailable' when the method cannot take the parcel there. The ordering service (dapr-caller-app-id: ordering) or admins.")
            .RequireAuthorization(ShippingCallers.ManageShipments)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequiresTrackingKey();

        shipments.MapGet("/{orderId}", Get)
            .WithName("GetShipment")
            .WithSummary("Get the shipment of an order")
            .WithDescription("The shipment with its current status and history (404 when the order has none). The ordering service, support or admins.")
            .RequireAuthorization(ShippingCallers.ReadShipments);

        shipments.MapPost("/{orderId}/cancel", Cancel)
            .WithName("CancelShipment")
            .WithSummary("Cancel the shipment of an order")
            .WithDescription("Cancels it if the carrier has not picked it up yet (409 with reason 'picked-up' otherwise); cancelling a cancelled shipment is a 200 again. The checkout saga's compensation. The ordering service or admins.")
            .RequireAuthorization(ShippingCallers.ManageShipments);

        shipments.MapGet("/{shipmentId}/label", GetLabel)
            .WithName("GetShipmentLabel")
            .WithSummary("Get a shipment's label")
            .WithDescription("The label document as plain text. The ordering service, support or admins.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .RequireAuthorization(ShippingCallers.ReadShipments);

        return app;
    }

    public static async Task<Results<Created<ShipmentView>, Ok<ShipmentView>, ProblemHttpResult>> Create(
        CreateShipmentRequest request, ShipmentDesk desk, IOptions<ShippingOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var outcome = await desk.CreateAsync(request, cancellationToken);
        return outcome.Kind switch
        {
            CreateOutcomeKind.Created => TypedResults.Created($"/api/shipping/shipments/{request.OrderId}", View(outcome.Shipment!, options, clock)),
            CreateOutcomeKind.Existing => TypedResults.Ok(View(outcome.Shipment!, options, clock)),
            CreateOutcomeKind.Conflict => Problems.DifferentShipment(request.OrderId),
            CreateOutcomeKind.Undeliverable => Problems.Undeliverable(request.Address.PostalCode),
            _ => Problems.MethodUnavailable(request),
        };
    }

    public static async Task<Results<Ok<ShipmentView>, NotFound>> Get(
        [AsParameters] OrderKey key, IShipmentStore shipments, IOptions<ShippingOptions> options, TimeProvider clock, CancellationToken cancellationToken) =>
        await shipments.GetAsync(key.OrderId, cancellationToken) is { } found
            ? TypedResults.Ok(View(found, options, clock))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<ShipmentView>, NotFound, ProblemHttpResult>> Cancel(
        [AsParameters] OrderKey key, ShipmentDesk desk, IOptions<ShippingOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var outcome = await desk.CancelAsync(key.OrderId, cancellationToken);
        return outcome.Kind switch
        {
            CancelOutcomeKind.Cancelled => TypedResults.Ok(View(outcome.Shipment!, options, clock)),
            CancelOutcomeKind.NotFound => TypedResults.NotFound(),
            _ => Problems.AlreadyPickedUp(key.OrderId),
        };
    }

    public static async Task<Results<ContentHttpResult, NotFound>> GetLabel(string shipmentId, IShipmentStore shipments, CancellationToken cancellationToken) =>
        // Only an id this service derives can name a label; anything else must not reach a key.
        ShipmentIdentity.IsShipmentId(shipmentId) && await shipments.GetLabelAsync(shipmentId, cancellationToken) is { } label
            ? TypedResults.Text(label.Text, "text/plain")
            : TypedResults.NotFound();

    private static ShipmentView View(ShipmentRecord record, IOptions<ShippingOptions> options, TimeProvider clock) =>
        ShipmentView.Of(record, options.Value.Carrier.StepDuration, clock.GetUtcNow());
}
