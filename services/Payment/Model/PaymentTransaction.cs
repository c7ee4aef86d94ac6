namespace Ecommerce.Payment.Model;

/// <summary>
/// One step of a payment. <see cref="IdempotencyKey"/> is the caller's key for the operation (the result of a
/// retry is this transaction); <see cref="DisputeId"/> is set on the refund a lost dispute made.
/// </summary>
public sealed record PaymentTransaction(
    string Id,
    TransactionKind Kind,
    decimal Amount,
    DateTimeOffset At,
    string? IdempotencyKey,
    string? DisputeId = null);
