using Ecommerce.Cart.Carts;
using Ecommerce.Cart.Model;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Ordering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Cart.IntegrationEvents;

/// <summary>
/// Empties the customer's cart when their order is confirmed (<c>orders.confirmed</c> on <c>events</c>).
/// Delivery is at least once: the cart remembers the last orders that emptied it, in the same
/// ETag-checked write, so a redelivered event does not empty lines added since. A failure answers
/// 500 and the sidecar redelivers; an event naming no order or customer is dropped.
/// </summary>
public static partial class OrderConfirmedHandler
{
    public const string Route = "/integration-events/orders-confirmed";

    public static IEndpointRouteBuilder MapOrderConfirmedHandler(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, HandleAsync)
            .WithTopic(Components.EventsPubSub, Topics.OrdersConfirmed)
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<DeliveryStatus>, ProblemHttpResult>> HandleAsync(
        OrderConfirmedV1 confirmed, CartEditor editor, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(confirmed.OrderId) || string.IsNullOrWhiteSpace(confirmed.CustomerId))
        {
            LogDropped(loggers.CreateLogger(typeof(OrderConfirmedHandler)), confirmed.EventId);
            return TypedResults.Ok(DeliveryStatus.Drop);
        }
        var result = await editor.EditAsync(CartOwner.Customer(confirmed.CustomerId), null, (cart, now) =>
        {
            var emptiedFor = cart.EmptiedForOrders ?? [];
            if (emptiedFor.Contains(confirmed.OrderId))
            {
                return CartChange.Nothing;
            }
            return CartChange.To(cart with
            {
                Lines = [],
                UpdatedAt = now,
                EmptiedForOrders = [.. emptiedFor.TakeLast(CartLimits.RememberedOrders - 1), confirmed.OrderId],
            });
        }, cancellationToken);
        return result.Problem is null ? TypedResults.Ok(DeliveryStatus.Success) : result.Problem;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped orders.confirmed event {EventId}: it names no order or no customer")]
    private static partial void LogDropped(ILogger logger, string eventId);
}

/// <summary>The answer Dapr reads from a subscriber: SUCCESS, RETRY or DROP.</summary>
public sealed record DeliveryStatus(string Status)
{
    public static DeliveryStatus Success { get; } = new("SUCCESS");

    public static DeliveryStatus Drop { get; } = new("DROP");
}
