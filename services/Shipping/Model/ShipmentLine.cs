namespace Ecommerce.Shipping.Model;

/// <summary>A line of what is shipped: the SKU, how many, and the weight of one.</summary>
public sealed record ShipmentLine(string Sku, int Quantity, int WeightGrams);
