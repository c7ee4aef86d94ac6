using Ecommerce.Inventory.Model;

namespace Ecommerce.Inventory.Infrastructure;

/// <summary>Multi-SKU reservations by id, with ETags for optimistic concurrency.</summary>
public interface IReservationStore
{
    Task<VersionedReservation?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Saves a new reservation; null when one with that id already exists.</summary>
    Task<VersionedReservation?> TryCreateAsync(StockReservation reservation, CancellationToken cancellationToken);

    /// <summary>Replaces the version read as <paramref name="etag"/>; false when it changed since.</summary>
    Task<bool> TryUpdateAsync(StockReservation reservation, string etag, CancellationToken cancellationToken);
}

/// <summary>A reservation with the ETag of the stored version.</summary>
public sealed record VersionedReservation(StockReservation Reservation, string ETag);
