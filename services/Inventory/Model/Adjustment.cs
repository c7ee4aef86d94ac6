namespace Ecommerce.Inventory.Model;

/// <summary>
/// One entry of a SKU's audit trail: who changed the on-hand stock of which warehouse, by how
/// much and why. <see cref="Sequence"/> numbers a SKU's adjustments 1, 2, 3... (the state key).
/// </summary>
public sealed record Adjustment(
    string Sku,
    long Sequence,
    string WarehouseId,
    int Change,
    AdjustmentReason Reason,
    string? Note,
    string AdjustedBy,
    int WarehouseOnHandAfter,
    int AvailableAfter,
    long Revision,
    DateTimeOffset At);
