namespace Ecommerce.Inventory.Model;

/// <summary>
/// An admin's change to the on-hand stock of one SKU in one warehouse: a positive change adds
/// units (goods received), a negative one removes them (damaged, lost). With an
/// <see cref="IdempotencyKey"/> (the ordering service's restock of a return) the change is applied
/// once per SKU and key: sending it again answers the first adjustment and changes nothing.
/// </summary>
public sealed record AdjustStockRequest(string WarehouseId, int Change, AdjustmentReason Reason, string? Note = null, string? IdempotencyKey = null);
