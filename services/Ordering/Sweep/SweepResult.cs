namespace Ecommerce.Ordering.Sweep;

/// <summary>
/// What one sweep did (the cron binding's answer, also logged): how many orders it looked at, the checkouts whose saga
/// stopped and that a recovery now ends, the returns whose saga stopped (for a person: no money is moved), and the
/// orders it could not ask about (the workflow engine did not answer; the next tick asks again).
/// </summary>
public sealed record SweepResult(int Examined, IReadOnlyList<SweptOrder> Recovering, IReadOnlyList<SweptOrder> StuckReturns, IReadOnlyList<string> Unanswered);

/// <summary>An order the sweep acted on or reports: its id, its status, and what the engine said of its saga.</summary>
public sealed record SweptOrder(string OrderId, string Status, string Saga);
