namespace Ecommerce.Payment.Model;

/// <summary>A chargeback on a captured payment (<c>dispute|{id}</c>): opened, evidence added, then won or lost.</summary>
public sealed record Dispute(
    string Id,
    string PaymentId,
    string OrderId,
    string Reason,
    decimal Amount,
    string Currency,
    DisputeStatus Status,
    IReadOnlyList<DisputeEvidence> Evidence,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    string? RefundTransactionId);

public sealed record DisputeEvidence(string Text, DateTimeOffset AddedAt);
