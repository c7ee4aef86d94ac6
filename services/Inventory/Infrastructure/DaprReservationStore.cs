using Dapr;
using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Inventory.Model;
using Ecommerce.ServiceDefaults.Errors;

namespace Ecommerce.Inventory.Infrastructure;

/// <summary>Multi-SKU reservations in <c>inventory-store</c> under <c>reservation|{id}</c>.</summary>
internal sealed class DaprReservationStore(DaprClient dapr) : IReservationStore
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<VersionedReservation?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var (reservation, etag) = await dapr.GetStateAndETagAsync<StockReservation>(Components.InventoryStore, Key(id), cancellationToken: cancellationToken);
        return reservation is null ? null : new VersionedReservation(reservation, etag);
    }

    public async Task<VersionedReservation?> TryCreateAsync(StockReservation reservation, CancellationToken cancellationToken)
    {
        try
        {
            await dapr.SaveStateAsync(Components.InventoryStore, Key(reservation.Id), reservation, FirstWrite, cancellationToken: cancellationToken);
        }
        catch (DaprException error) when (!DependencyFailure.IsUnavailable(error))
        {
            // First-write refused: the id is taken. (An unreachable sidecar is let through: a 503, not a 409.)
            return null;
        }
        return await GetAsync(reservation.Id, cancellationToken);
    }

    public Task<bool> TryUpdateAsync(StockReservation reservation, string etag, CancellationToken cancellationToken) =>
        dapr.TrySaveStateAsync(Components.InventoryStore, Key(reservation.Id), reservation, etag, cancellationToken: cancellationToken);

    private static string Key(string id) => $"reservation|{id}";
}
