namespace Ecommerce.Inventory.Model;

/// <summary>
/// The result of an adjustment: the audit entry when it was applied, or why it was refused. <see cref="Repeated"/>:
/// its idempotency key had been applied before, and <see cref="Applied"/> is that first adjustment (nothing changed now).
/// </summary>
public sealed record AdjustmentOutcome(Adjustment? Applied, string? Refusal, StockLevel Stock, bool Repeated = false);
