namespace Ecommerce.Inventory.Model;

/// <summary>An admin's warehouse, created or renamed (the id is in the route).</summary>
public sealed record SaveWarehouseRequest(string Name);
