namespace Ecommerce.Inventory.Model;

/// <summary>The result of an adjustment: the audit entry when it was applied, or why it was refused.</summary>
public sealed record AdjustmentOutcome(Adjustment? Applied, string? Refusal, StockLevel Stock);
