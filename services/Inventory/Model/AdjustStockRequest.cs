namespace Ecommerce.Inventory.Model;

/// <summary>
/// An admin's change to the on-hand stock of one SKU in one warehouse: a positive change adds
/// units (goods received), a negative one removes them (damaged, lost).
/// </summary>
public sealed record AdjustStockRequest(string WarehouseId, int Change, AdjustmentReason Reason, string? Note = null);
