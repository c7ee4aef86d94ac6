using Dapr.Actors;
using Ecommerce.Inventory.Model;

namespace Ecommerce.Inventory.Actors;

/// <summary>
/// The stock of one SKU (actor id = SKU). Dapr runs one call per SKU at a time, which is what
/// makes "never more reserved than on hand" hold under any number of concurrent callers.
/// Called without remoting: each method takes at most one argument and is sent as JSON.
/// </summary>
public interface IInventoryItemActor : IActor
{
    Task<ReservationOutcome> ReserveAsync(ReserveCommand command);

    Task<ReservationOutcome> CommitAsync(string reservationId);

    Task<ReservationOutcome> ReleaseAsync(string reservationId);

    Task<AdjustmentOutcome> AdjustAsync(AdjustCommand command);

    Task<StockLevel> SetLowStockThresholdAsync(int threshold);

    Task<StockLevel> GetStockAsync();
}
