using System.Globalization;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Payments;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Ordering.IntegrationEvents;

/// <summary>
/// Flags an order whose payment lost a dispute (<c>payments.dispute-closed</c> with outcome <c>lost</c>): the funds went
/// back to the cardholder, which the back office must see. <c>disputeLost</c> is set and the history says which dispute
/// and how much; the dispute id is remembered, so a redelivery adds nothing. Won disputes change nothing.
/// </summary>
public static partial class PaymentDisputeClosedHandler
{
    public const string Route = "/integration-events/payments-dispute-closed";

    public static IEndpointRouteBuilder MapPaymentDisputeClosedHandler(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, HandleAsync)
            .WithTopic(Components.EventsPubSub, Topics.PaymentsDisputeClosed)
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }

    public static async Task<Ok<DeliveryStatus>> HandleAsync(
        PaymentDisputeClosedV1 closed, OrderRepository orders, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        if (!string.Equals(closed.Outcome, "lost", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(DeliveryStatus.Success);
        }
        if (!ValidationRules.IsOrderId(closed.OrderId) || string.IsNullOrWhiteSpace(closed.DisputeId))
        {
            LogDropped(loggers.CreateLogger(typeof(PaymentDisputeClosedHandler)), closed.EventId);
            return TypedResults.Ok(DeliveryStatus.Drop);
        }
        var now = clock.GetUtcNow();
        var note = $"dispute {closed.DisputeId} lost: {closed.Amount.ToString(CultureInfo.InvariantCulture)} {closed.Currency} returned to the cardholder";
        var update = await orders.UpdateAsync(closed.OrderId, order => (order.LostDisputeIds ?? []).Contains(closed.DisputeId) ? null : order with
        {
            DisputeLost = true,
            LostDisputeIds = [.. order.LostDisputeIds ?? [], closed.DisputeId],
            StatusHistory = [.. order.StatusHistory, new StatusChange(order.Status, now, note)],
            UpdatedAt = now,
        }, cancellationToken);
        if (update.Conflict)
        {
            return TypedResults.Ok(DeliveryStatus.Retry);
        }
        return TypedResults.Ok(update.Order is null ? DeliveryStatus.Drop : DeliveryStatus.Success);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped payments.dispute-closed event {EventId}: it names no valid order or dispute")]
    private static partial void LogDropped(ILogger logger, string eventId);
}
