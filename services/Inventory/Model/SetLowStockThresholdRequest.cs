namespace Ecommerce.Inventory.Model;

/// <summary><c>inventory.low-stock</c> is announced when a SKU's available units fall to or below this.</summary>
public sealed record SetLowStockThresholdRequest(int Threshold);
