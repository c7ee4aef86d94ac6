using Ecommerce.Inventory.Actors;
using Ecommerce.Inventory.Model;

namespace Ecommerce.Inventory.Infrastructure;

/// <summary>The SKU actors, as the API handlers call them.</summary>
public interface IInventoryItems
{
    Task<ReservationOutcome> ReserveAsync(string sku, ReserveCommand command, CancellationToken cancellationToken);

    Task<ReservationOutcome> CommitAsync(string sku, string reservationId, CancellationToken cancellationToken);

    Task<ReservationOutcome> ReleaseAsync(string sku, string reservationId, CancellationToken cancellationToken);

    Task<AdjustmentOutcome> AdjustAsync(string sku, AdjustCommand command, CancellationToken cancellationToken);

    Task<StockLevel> SetLowStockThresholdAsync(string sku, int threshold, CancellationToken cancellationToken);

    Task<StockLevel> GetStockAsync(string sku, CancellationToken cancellationToken);
}
