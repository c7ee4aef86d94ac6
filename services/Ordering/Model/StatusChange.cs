using Ecommerce.Contracts.Ordering;

namespace Ecommerce.Ordering.Model;

/// <summary>One entry of an order's status history: the status entered, when, and why.</summary>
public sealed record StatusChange(OrderStatus Status, DateTimeOffset At, string? Reason);
