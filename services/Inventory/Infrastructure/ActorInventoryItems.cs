using Dapr.Actors;
using Dapr.Actors.Client;
using Ecommerce.Inventory.Actors;
using Ecommerce.Inventory.Model;

namespace Ecommerce.Inventory.Infrastructure;

/// <summary>
/// Calls <see cref="InventoryItemActor"/> through the sidecar without remoting: the argument and
/// the answer travel as JSON in the platform's convention (set on the proxy factory).
/// </summary>
internal sealed class ActorInventoryItems(IActorProxyFactory proxies) : IInventoryItems
{
    public Task<ReservationOutcome> ReserveAsync(string sku, ReserveCommand command, CancellationToken cancellationToken) =>
        Item(sku).InvokeMethodAsync<ReserveCommand, ReservationOutcome>(nameof(IInventoryItemActor.ReserveAsync), command, cancellationToken);

    public Task<ReservationOutcome> CommitAsync(string sku, string reservationId, CancellationToken cancellationToken) =>
        Item(sku).InvokeMethodAsync<string, ReservationOutcome>(nameof(IInventoryItemActor.CommitAsync), reservationId, cancellationToken);

    public Task<ReservationOutcome> ReleaseAsync(string sku, string reservationId, CancellationToken cancellationToken) =>
        Item(sku).InvokeMethodAsync<string, ReservationOutcome>(nameof(IInventoryItemActor.ReleaseAsync), reservationId, cancellationToken);

    public Task<AdjustmentOutcome> AdjustAsync(string sku, AdjustCommand command, CancellationToken cancellationToken) =>
        Item(sku).InvokeMethodAsync<AdjustCommand, AdjustmentOutcome>(nameof(IInventoryItemActor.AdjustAsync), command, cancellationToken);

    public Task<StockLevel> SetLowStockThresholdAsync(string sku, int threshold, CancellationToken cancellationToken) =>
        Item(sku).InvokeMethodAsync<int, StockLevel>(nameof(IInventoryItemActor.SetLowStockThresholdAsync), threshold, cancellationToken);

    public Task<StockLevel> GetStockAsync(string sku, CancellationToken cancellationToken) =>
        Item(sku).InvokeMethodAsync<StockLevel>(nameof(IInventoryItemActor.GetStockAsync), cancellationToken);

    private ActorProxy Item(string sku) => proxies.Create(new ActorId(sku), InventoryItemActor.TypeName);
}
