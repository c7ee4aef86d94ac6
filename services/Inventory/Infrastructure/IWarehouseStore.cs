using Ecommerce.Inventory.Model;

namespace Ecommerce.Inventory.Infrastructure;

/// <summary>The warehouses stock can be kept in.</summary>
public interface IWarehouseStore
{
    Task<IReadOnlyList<Warehouse>> ListAsync(CancellationToken cancellationToken);

    Task<Warehouse?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or renames a warehouse; null when concurrent changes kept winning (the caller answers 409).</summary>
    Task<SavedWarehouse?> SaveAsync(string id, string name, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A warehouse after a save, and whether the save created it.</summary>
public sealed record SavedWarehouse(Warehouse Warehouse, bool Created);
