namespace Ecommerce.Payment.Model;

/// <summary>
/// A payment (<c>payment|{id}</c>) with its transactions, and its state machine: every operation returns the next
/// version or a refusal, and never lets the refunded total (refunds and lost disputes) exceed the captured amount.
/// Money held by an open dispute (<see cref="DisputedAmount"/>) cannot be refunded until the dispute is resolved.
/// Card data is the method token, brand and last four only.
/// </summary>
public sealed record PaymentRecord(
    string Id,
    string OrderId,
    string UserId,
    string PaymentMethodId,
    CardBrand Brand,
    string Last4,
    decimal Amount,
    string Currency,
    string BillingCountry,
    string ShippingCountry,
    PaymentStatus Status,
    FailureReason? FailureReason,
    FraudAssessment Fraud,
    decimal CapturedAmount,
    decimal RefundedAmount,
    decimal DisputedAmount,
    IReadOnlyList<PaymentTransaction> Transactions,
    IReadOnlyList<string> DisputeIds,
    string AuthorizationKey,
    string RequestFingerprint,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>What can still be refunded: captured, less refunded, less what open disputes hold.</summary>
    public decimal Refundable => CapturedAmount - RefundedAmount - DisputedAmount;

    public PaymentTransaction? TransactionWithKey(string idempotencyKey) =>
        Transactions.FirstOrDefault(transaction => transaction.IdempotencyKey == idempotencyKey);

    /// <summary>A pending review resolved: approved → authorized, rejected → failed (<c>reviewRejected</c>).</summary>
    public Transition Review(bool approve, string transactionId, DateTimeOffset now)
    {
        if (Status != PaymentStatus.PendingReview)
        {
            return Transition.Refuse(RefusalKind.WrongState, "The payment is not waiting for a fraud review.", $"It is {Status}.");
        }
        return approve
            ? Step(PaymentStatus.Authorized, new PaymentTransaction(transactionId, TransactionKind.Authorize, Amount, now, null), now)
            : Step(PaymentStatus.Failed, new PaymentTransaction(transactionId, TransactionKind.Decline, Amount, now, null), now, Model.FailureReason.ReviewRejected);
    }

    /// <summary>Capture, once, of the whole authorization or less of it.</summary>
    public Transition Capture(decimal? amount, string transactionId, string idempotencyKey, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Authorized)
        {
            return Transition.Refuse(RefusalKind.WrongState, "Only an authorized payment can be captured.", $"It is {Status}.");
        }
        var captured = amount ?? Amount;
        if (captured > Amount)
        {
            return Transition.Refuse(RefusalKind.Unprocessable, "The capture is larger than the authorization.", $"At most {Amount} {Currency} can be captured.");
        }
        var step = Step(PaymentStatus.Captured, new PaymentTransaction(transactionId, TransactionKind.Capture, captured, now, idempotencyKey), now);
        return step with { Payment = step.Payment! with { CapturedAmount = captured } };
    }

    /// <summary>Release of the hold before capture (also of one still waiting for review: the saga voids on a rejected or timed-out review).</summary>
    public Transition Void(string transactionId, string idempotencyKey, DateTimeOffset now)
    {
        if (Status is not (PaymentStatus.Authorized or PaymentStatus.PendingReview))
        {
            return Transition.Refuse(RefusalKind.WrongState, "Only an authorization that is not captured can be voided.", $"It is {Status}; refund a captured payment instead.");
        }
        return Step(PaymentStatus.Voided, new PaymentTransaction(transactionId, TransactionKind.Void, Amount, now, idempotencyKey), now);
    }

    /// <summary>A partial or full refund of captured money; the total never exceeds what was captured.</summary>
    public Transition Refund(decimal amount, string transactionId, string idempotencyKey, DateTimeOffset now, string? disputeId = null)
    {
        if (Status is not (PaymentStatus.Captured or PaymentStatus.PartiallyRefunded))
        {
            return Transition.Refuse(RefusalKind.WrongState, "Only a captured payment can be refunded.", $"It is {Status}.");
        }
        if (amount > Refundable)
        {
            return Transition.Refuse(RefusalKind.Unprocessable, "The refund is larger than what is left to refund.",
                $"At most {Refundable} {Currency} can be refunded (captured {CapturedAmount}, refunded {RefundedAmount}, held by disputes {DisputedAmount}).");
        }
        var refunded = RefundedAmount + amount;
        var status = refunded == CapturedAmount ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        var step = Step(status, new PaymentTransaction(transactionId, TransactionKind.Refund, amount, now, idempotencyKey, disputeId), now);
        return step with { Payment = step.Payment! with { RefundedAmount = refunded } };
    }

    /// <summary>Captured money put on hold by a chargeback.</summary>
    public Transition OpenDispute(string disputeId, decimal amount, DateTimeOffset now)
    {
        if (Status is not (PaymentStatus.Captured or PaymentStatus.PartiallyRefunded))
        {
            return Transition.Refuse(RefusalKind.WrongState, "Only a captured payment can be disputed.", $"It is {Status}.");
        }
        if (amount > Refundable)
        {
            return Transition.Refuse(RefusalKind.Unprocessable, "The disputed amount is larger than what is left of the payment.", $"At most {Refundable} {Currency}.");
        }
        return new Transition(this with { DisputedAmount = DisputedAmount + amount, DisputeIds = [.. DisputeIds, disputeId], UpdatedAt = now }, null, null);
    }

    /// <summary>A dispute closed: won releases the hold; lost returns the money as a refund transaction.</summary>
    public Transition CloseDispute(string disputeId, decimal amount, bool lost, string transactionId, DateTimeOffset now)
    {
        var released = this with { DisputedAmount = DisputedAmount - amount, UpdatedAt = now };
        return lost
            ? released.Refund(amount, transactionId, idempotencyKey: $"dispute:{disputeId}", now, disputeId)
            : new Transition(released, null, null);
    }

    private Transition Step(PaymentStatus status, PaymentTransaction transaction, DateTimeOffset now, FailureReason? reason = null) =>
        Transition.To(this with { Status = status, FailureReason = reason ?? FailureReason, Transactions = [.. Transactions, transaction], UpdatedAt = now }, transaction);
}
