namespace Ecommerce.Catalog.Model;

/// <summary>What inventory last said about a SKU over all warehouses (state key <c>sku-stock|{sku}</c>).</summary>
public sealed record SkuStock(int Available, int OnHand, long Revision);
