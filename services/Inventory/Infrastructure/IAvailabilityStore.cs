using Ecommerce.Contracts.Inventory;
using Ecommerce.Inventory.Model;

namespace Ecommerce.Inventory.Infrastructure;

/// <summary>The availability read model: per SKU, the newest stock totals announced.</summary>
public interface IAvailabilityStore
{
    /// <summary>Keeps the change if it is newer than what is held; returns false for a stale or repeated one.</summary>
    Task<bool> ApplyAsync(StockChangedV1 change, CancellationToken cancellationToken);

    Task<IReadOnlyList<SkuAvailability>> GetAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken);
}
