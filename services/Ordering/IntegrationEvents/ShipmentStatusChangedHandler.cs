using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Contracts.Shipping;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Ordering.IntegrationEvents;

/// <summary>
/// Moves a confirmed order to Shipped (picked up, in transit or out for delivery, whichever comes first) and to
/// Delivered, from <c>shipments.status-changed</c>. At least once and possibly out of order: an order only ever moves
/// forward (a repeated or late step changes nothing), so the pair (order, status) is applied once. An event for an
/// order still checking out is delivered again later (the saga confirms it within seconds); one for an order that
/// ended unfulfilled, or that does not exist, is dropped.
/// </summary>
public static partial class ShipmentStatusChangedHandler
{
    public const string Route = "/integration-events/shipments-status-changed";

    public static IEndpointRouteBuilder MapShipmentStatusChangedHandler(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, HandleAsync)
            .WithTopic(Components.EventsPubSub, Topics.ShipmentsStatusChanged)
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }

    public static async Task<Ok<DeliveryStatus>> HandleAsync(
        ShipmentStatusChangedV1 changed, OrderRepository orders, IOrderEvents events, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        OrderStatus? target = changed.Status switch
        {
            ShipmentStatus.PickedUp or ShipmentStatus.InTransit or ShipmentStatus.OutForDelivery => OrderStatus.Shipped,
            ShipmentStatus.Delivered => OrderStatus.Delivered,
            _ => null,
        };
        if (target is not { } status)
        {
            return TypedResults.Ok(DeliveryStatus.Success);
        }
        if (!ValidationRules.IsOrderId(changed.OrderId) || await orders.GetAsync(changed.OrderId, cancellationToken) is not { } order)
        {
            LogDropped(loggers.CreateLogger(typeof(ShipmentStatusChangedHandler)), changed.EventId, changed.OrderId ?? "");
            return TypedResults.Ok(DeliveryStatus.Drop);
        }
        if (OrderStatuses.IsCheckingOut(order.Status))
        {
            return TypedResults.Ok(DeliveryStatus.Retry);
        }
        if (OrderStatuses.FulfilmentRank(order.Status) == 0)
        {
            return TypedResults.Ok(DeliveryStatus.Drop);
        }

        OrderStatus previous = order.Status;
        var now = clock.GetUtcNow();
        var reason = $"shipment {changed.TrackingNumber}: {JsonNamingPolicy.CamelCase.ConvertName(changed.Status.ToString())}";
        var update = await orders.UpdateAsync(order.Id, current =>
        {
            previous = current.Status;
            return OrderStatuses.FulfilmentRank(current.Status) >= OrderStatuses.FulfilmentRank(status) ? null : current.MovedTo(status, reason, now);
        }, cancellationToken);
        if (update.Conflict)
        {
            return TypedResults.Ok(DeliveryStatus.Retry);
        }
        if (update.Changed)
        {
            await events.StatusChangedAsync(new OrderStatusChangedV1(order.Id, order.CustomerId, status, previous, reason));
        }
        return TypedResults.Ok(DeliveryStatus.Success);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped shipments.status-changed event {EventId}: no order '{OrderId}'")]
    private static partial void LogDropped(ILogger logger, string eventId, string orderId);
}
