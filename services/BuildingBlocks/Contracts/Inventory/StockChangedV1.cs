namespace Ecommerce.Contracts.Inventory;

/// <summary>
/// Published on <see cref="Topics.InventoryStockChanged"/> after every change to a SKU's stock
/// (adjustment, reservation, commit, release, expiry), with the totals over all warehouses.
/// <see cref="Revision"/> grows with every change of that SKU, so a read model keeps the highest.
/// </summary>
public sealed record StockChangedV1(
    string Sku,
    int OnHand,
    int Reserved,
    int Available,
    string Reason,
    long Revision) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
