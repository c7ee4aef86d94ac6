using Ecommerce.Contracts;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Pricing.IntegrationEvents;

/// <summary>
/// Counts coupon usage when an order is confirmed (<c>orders.confirmed</c> on <c>events</c>).
/// Delivery is at least once: each coupon's usage records the order id, so a redelivery counts
/// nothing (<see cref="ICouponUsageStore.RecordAsync"/>). A failure answers 500 and the sidecar
/// redelivers; an event that can never be counted (no order or customer id) is dropped.
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

    public static async Task<Ok<DeliveryStatus>> HandleAsync(
        OrderConfirmedV1 confirmed, ICouponUsageStore usage, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(confirmed.OrderId) || string.IsNullOrWhiteSpace(confirmed.CustomerId))
        {
            LogDropped(loggers.CreateLogger(typeof(OrderConfirmedHandler)), confirmed.EventId);
            return TypedResults.Ok(DeliveryStatus.Drop);
        }
        var codes = (confirmed.CouponCodes ?? [])
            .Where(code => code is not null && ValidationRules.IsCouponCode(code))
            .Select(Coupon.Normalize)
            .Distinct(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            await usage.RecordAsync(code, new CouponRedemption(confirmed.OrderId, confirmed.CustomerId, confirmed.OccurredAt), cancellationToken);
        }
        return TypedResults.Ok(DeliveryStatus.Success);
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
