using Ecommerce.Contracts.Ordering;

namespace Ecommerce.Ordering.Workflow;

/// <summary>How a checkout ended: the order's final status, why, and what a failed compensation left undone.</summary>
public sealed record CheckoutResult(OrderStatus Status, string? Reason, IReadOnlyList<string> LeftToUndo);
