namespace Ecommerce.Ordering.Model;

/// <summary>
/// The return of a delivered order. <see cref="RefundedAmount"/> and <see cref="RestockedSkus"/> record what the return
/// saga has done, so that a repeated step does not refund or restock twice.
/// </summary>
public sealed record ReturnInfo(
    ReturnStatus Status,
    string Reason,
    DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt = null,
    string? DecisionReason = null,
    decimal? RefundedAmount = null,
    IReadOnlyList<string>? RestockedSkus = null);
