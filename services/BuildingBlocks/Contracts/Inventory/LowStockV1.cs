namespace Ecommerce.Contracts.Inventory;

/// <summary>Published on <see cref="Topics.InventoryLowStock"/> when a SKU's available quantity falls to or below its threshold.</summary>
public sealed record LowStockV1(string Sku, int Available, int Threshold) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
