using Dapr;
using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Inventory.Model;
using Ecommerce.ServiceDefaults.Errors;

namespace Ecommerce.Inventory.Infrastructure;

/// <summary>
/// All warehouses in one document, <c>warehouses</c>, in <c>inventory-store</c>: a platform has a
/// handful of them, and one document lists them without a query API. Changes use the document's
/// ETag, so two admins saving at once cannot lose each other's warehouse.
/// </summary>
internal sealed class DaprWarehouseStore(DaprClient dapr) : IWarehouseStore
{
    private const string Key = "warehouses";
    private const int Attempts = 3;

    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<IReadOnlyList<Warehouse>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await dapr.GetStateAsync<List<Warehouse>>(Components.InventoryStore, Key, cancellationToken: cancellationToken);
        return all ?? [];
    }

    public async Task<Warehouse?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(warehouse => warehouse.Id == id);

    public async Task<SavedWarehouse?> SaveAsync(string id, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (all, etag) = await dapr.GetStateAndETagAsync<List<Warehouse>>(Components.InventoryStore, Key, cancellationToken: cancellationToken);
            var warehouses = all ?? [];
            var existing = warehouses.FirstOrDefault(warehouse => warehouse.Id == id);
            var saved = existing is null ? new Warehouse(id, name, now, now) : existing with { Name = name, UpdatedAt = now };
            List<Warehouse> updated = [.. warehouses.Where(warehouse => warehouse.Id != id), saved];
            updated.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));

            if (all is null)
            {
                try
                {
                    await dapr.SaveStateAsync(Components.InventoryStore, Key, updated, FirstWrite, cancellationToken: cancellationToken);
                    return new SavedWarehouse(saved, Created: true);
                }
                catch (DaprException error) when (!DependencyFailure.IsUnavailable(error))
                {
                    // The first warehouse was saved by someone else meanwhile: start over on theirs.
                    continue;
                }
            }
            if (await dapr.TrySaveStateAsync(Components.InventoryStore, Key, updated, etag, cancellationToken: cancellationToken))
            {
                return new SavedWarehouse(saved, Created: existing is null);
            }
        }
        return null;
    }
}
