using System.Text.Json.Serialization;
using Ecommerce.Contracts.Ordering;

namespace Ecommerce.Ordering.Model;

/// <summary>
/// An order as <c>ordering-store</c> keeps it (<c>order|{id}</c>). The lines come from the customer's cart at
/// submission and get their prices from the checkout saga's price step; the saga's other steps fill in the
/// payment, the shipment and every status change. No card data: only the customer's payment method id.
/// <para>
/// Bookkeeping the API does not show: <c>RequestFingerprint</c> is what the submission asked for (see
/// <see cref="PlaceOrderRequest.Fingerprint"/>), so the same idempotency key with another request is refused;
/// <c>CancelRequested</c> (with <c>CancelReason</c>) is set by a cancel, and the saga's point of no return refuses to
/// pass once it is; <c>CaptureStarted</c> is set when the saga passed it, from then on cancel is a 409;
/// <c>OutstandingCompensations</c> is what a failed compensation left undone, for an operator.
/// </para>
/// </summary>
public sealed record Order(
    string Id,
    string CustomerId,
    OrderStatus Status,
    IReadOnlyList<OrderLine> Lines,
    OrderTotals? Totals,
    string Currency,
    ShippingAddress ShippingAddress,
    ShippingMethod ShippingMethod,
    string PaymentMethodId,
    string? CouponCode,
    IReadOnlyList<StatusChange> StatusHistory,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string RequestFingerprint,
    string? PaymentId = null,
    string? ShipmentId = null,
    string? TrackingNumber = null,
    ReturnInfo? Return = null,
    bool CancelRequested = false,
    string? CancelReason = null,
    bool CaptureStarted = false,
    bool DisputeLost = false,
    IReadOnlyList<string>? LostDisputeIds = null,
    IReadOnlyList<string>? OutstandingCompensations = null)
{
    /// <summary>The coupon codes as events carry them.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> CouponCodes => CouponCode is null ? [] : [CouponCode];

    /// <summary>Moves to <paramref name="status"/>, appending the change to the history.</summary>
    public Order MovedTo(OrderStatus status, string? reason, DateTimeOffset at) => this with
    {
        Status = status,
        StatusHistory = [.. StatusHistory, new StatusChange(status, at, reason)],
        UpdatedAt = at,
    };
}
