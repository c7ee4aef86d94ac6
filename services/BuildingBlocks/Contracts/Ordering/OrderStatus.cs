namespace Ecommerce.Contracts.Ordering;

/// <summary>
/// Where an order is. The checkout saga ends every order in <see cref="Confirmed"/> or in one of the
/// four unfulfilled ends (<see cref="Rejected"/>, <see cref="PaymentFailed"/>, <see cref="Failed"/>,
/// <see cref="Cancelled"/>); shipment events then move a confirmed order to <see cref="Shipped"/> and
/// <see cref="Delivered"/>, and a return to <see cref="ReturnRequested"/> and <see cref="Returned"/>.
/// </summary>
public enum OrderStatus
{
    /// <summary>Accepted; the checkout saga is running.</summary>
    Submitted,

    /// <summary>The payment was flagged by the fraud rules; the saga waits for a reviewer (or the timeout).</summary>
    AwaitingFraudReview,

    /// <summary>Paid (captured) with stock committed and a shipment created.</summary>
    Confirmed,
    Shipped,
    Delivered,

    /// <summary>Out of stock, or refused by the fraud review: nothing charged, nothing reserved.</summary>
    Rejected,

    /// <summary>The card was declined: nothing charged, the reservation released.</summary>
    PaymentFailed,

    /// <summary>A step failed for good (the shipment could not be created): payment voided, stock released.</summary>
    Failed,

    /// <summary>Cancelled by the customer or an admin before payment was captured.</summary>
    Cancelled,

    /// <summary>The customer asked to return a delivered order; the return saga runs.</summary>
    ReturnRequested,

    /// <summary>Refunded and restocked.</summary>
    Returned,
}
