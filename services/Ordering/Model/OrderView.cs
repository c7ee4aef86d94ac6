using Ecommerce.Contracts.Ordering;

namespace Ecommerce.Ordering.Model;

/// <summary>An order as the API shows it (the store's record without its internal bookkeeping).</summary>
public sealed record OrderView(
    string OrderId,
    string CustomerId,
    OrderStatus Status,
    IReadOnlyList<OrderLineView> Lines,
    OrderTotals? Totals,
    string Currency,
    ShippingAddress ShippingAddress,
    ShippingMethod ShippingMethod,
    string PaymentMethodId,
    string? CouponCode,
    string? PaymentId,
    string? ShipmentId,
    string? TrackingNumber,
    IReadOnlyList<StatusChange> StatusHistory,
    ReturnView? Return,
    bool DisputeLost,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static OrderView Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(
            order.Id, order.CustomerId, order.Status,
            [.. order.Lines.Select(line => new OrderLineView(line.Sku, line.Quantity, line.UnitPrice, line.LineTotal))],
            order.Totals, order.Currency, order.ShippingAddress, order.ShippingMethod, order.PaymentMethodId, order.CouponCode,
            order.PaymentId, order.ShipmentId, order.TrackingNumber, order.StatusHistory,
            order.Return is { } r ? new ReturnView(r.Status, r.Reason, r.RequestedAt, r.DecidedAt, r.DecisionReason) : null,
            order.DisputeLost, order.CreatedAt, order.UpdatedAt);
    }
}

/// <summary>A line: null prices until the checkout saga has priced the order.</summary>
public sealed record OrderLineView(string Sku, int Quantity, decimal? UnitPrice, decimal? LineTotal);

/// <summary>The return of an order, if one was requested.</summary>
public sealed record ReturnView(ReturnStatus Status, string Reason, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? DecisionReason);
