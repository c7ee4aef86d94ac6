namespace Ecommerce.Payment.Model;

/// <summary>
/// Where a payment is in its life. <c>PendingReview</c> → <c>Authorized</c> | <c>Failed</c> | <c>Voided</c>;
/// <c>Authorized</c> → <c>Captured</c> | <c>Voided</c>; <c>Captured</c> → <c>PartiallyRefunded</c> → <c>Refunded</c>.
/// <c>Failed</c>, <c>Voided</c> and <c>Refunded</c> are final.
/// </summary>
public enum PaymentStatus
{
    PendingReview,
    Authorized,
    Failed,
    Voided,
    Captured,
    PartiallyRefunded,
    Refunded,
}
