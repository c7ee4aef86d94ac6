namespace Ecommerce.Payment.Model;

/// <summary>A payment as the APIs answer it: everything but the request fingerprint (and never any card data but brand and last four).</summary>
public sealed record PaymentView(
    string Id,
    string OrderId,
    string UserId,
    string PaymentMethodId,
    CardBrand Brand,
    string Last4,
    decimal Amount,
    string Currency,
    PaymentStatus Status,
    FailureReason? FailureReason,
    FraudAssessment Fraud,
    decimal CapturedAmount,
    decimal RefundedAmount,
    decimal DisputedAmount,
    IReadOnlyList<PaymentTransaction> Transactions,
    IReadOnlyList<string> DisputeIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PaymentView From(PaymentRecord payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new(payment.Id, payment.OrderId, payment.UserId, payment.PaymentMethodId, payment.Brand, payment.Last4, payment.Amount, payment.Currency,
            payment.Status, payment.FailureReason, payment.Fraud, payment.CapturedAmount, payment.RefundedAmount, payment.DisputedAmount,
            payment.Transactions, payment.DisputeIds, payment.CreatedAt, payment.UpdatedAt);
    }
}
