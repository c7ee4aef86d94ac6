using Ecommerce.Contracts.Ordering;

namespace Ecommerce.Ordering.Model;

/// <summary>What the statuses mean for the rules: which end the checkout, which may still be cancelled, and the order of fulfilment.</summary>
public static class OrderStatuses
{
    /// <summary>The four ends of an order that was not fulfilled (announced on <c>orders.cancelled</c>).</summary>
    public static bool IsUnfulfilledEnd(OrderStatus status) =>
        status is OrderStatus.Rejected or OrderStatus.PaymentFailed or OrderStatus.Failed or OrderStatus.Cancelled;

    /// <summary>While the checkout saga runs: cancel is accepted unless capture has started.</summary>
    public static bool IsCheckingOut(OrderStatus status) => status is OrderStatus.Submitted or OrderStatus.AwaitingFraudReview;

    /// <summary>
    /// The rank of the fulfilment statuses, so that shipment events only ever move an order forward
    /// (a late or repeated "picked up" never takes a delivered order back).
    /// </summary>
    public static int FulfilmentRank(OrderStatus status) => status switch
    {
        OrderStatus.Confirmed => 1,
        OrderStatus.Shipped => 2,
        OrderStatus.Delivered => 3,
        OrderStatus.ReturnRequested => 4,
        OrderStatus.Returned => 5,
        _ => 0,
    };
}
