using System.Text.Json.Serialization;

namespace Ecommerce.Inventory.Model;

/// <summary>
/// The stock of one SKU: units on hand per warehouse and the reservations holding some of them.
/// Its actor keeps it as state and calls these methods one at a time, so the rules below never
/// race: available = on hand − reserved, and neither a reservation nor an adjustment may make it
/// negative. Every change that moves a number bumps <see cref="Revision"/>, which travels in
/// <c>inventory.stock-changed</c> so consumers keep only the newest.
/// </summary>
public sealed class InventoryItem
{
    public Dictionary<string, int> OnHandByWarehouse { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, Reservation> Reservations { get; init; } = new(StringComparer.Ordinal);

    public long Revision { get; set; }

    /// <summary>Set by an admin; null means the service's default threshold.</summary>
    public int? LowStockThreshold { get; set; }

    /// <summary>True once <c>inventory.low-stock</c> went out, until stock rises above the threshold again.</summary>
    public bool LowStockAnnounced { get; set; }

    /// <summary>How many adjustments the audit trail holds (the last one's sequence number).</summary>
    public long AdjustmentCount { get; set; }

    /// <summary>
    /// The adjustments made under an idempotency key, by key, so that a repeat is answered with the first one
    /// instead of adding the units again (ordering restocks a return's lines under keys that survive its retries).
    /// </summary>
    public Dictionary<string, Adjustment> KeyedAdjustments { get; init; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public int OnHand => OnHandByWarehouse.Values.Sum();

    [JsonIgnore]
    public int Reserved => Reservations.Values.Where(r => r.Status == ReservationStatus.Reserved).Sum(r => r.Quantity);

    [JsonIgnore]
    public int Available => OnHand - Reserved;

    /// <summary>
    /// Holds <paramref name="quantity"/> units until <paramref name="expiresAt"/>. Asking again with the
    /// same id and quantity is answered like the first time and holds nothing more.
    /// </summary>
    public ReservationOutcome Reserve(string reservationId, int quantity, DateTimeOffset expiresAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (Reservations.TryGetValue(reservationId, out var existing))
        {
            var status = existing.Status == ReservationStatus.Reserved && existing.Quantity != quantity
                ? ReservationStatus.ConflictingQuantity
                : existing.Status;
            return Unchanged(status);
        }
        if (Available < quantity)
        {
            return Unchanged(ReservationStatus.Insufficient);
        }

        Reservations[reservationId] = new Reservation(quantity, ReservationStatus.Reserved, expiresAt);
        return Changed(ReservationStatus.Reserved);
    }

    /// <summary>Takes the reserved units out of the warehouses (the order ships). Repeating it changes nothing.</summary>
    public ReservationOutcome Commit(string reservationId, DateTimeOffset now)
    {
        if (!Reservations.TryGetValue(reservationId, out var reservation))
        {
            return Unchanged(ReservationStatus.Unknown);
        }
        if (reservation.Status != ReservationStatus.Reserved)
        {
            return Unchanged(reservation.Status);
        }

        TakeFromWarehouses(reservation.Quantity);
        Reservations[reservationId] = reservation with { Status = ReservationStatus.Committed, ClosedAt = now };
        return Changed(ReservationStatus.Committed);
    }

    /// <summary>
    /// Gives held units back. Releasing an id never reserved here leaves a tombstone, so a reserve
    /// that arrives late (a retry overtaken by the compensation) is refused instead of holding stock.
    /// </summary>
    public ReservationOutcome Release(string reservationId, DateTimeOffset now)
    {
        if (!Reservations.TryGetValue(reservationId, out var reservation))
        {
            Reservations[reservationId] = new Reservation(0, ReservationStatus.Released, now, now);
            return Unchanged(ReservationStatus.Released);
        }
        if (reservation.Status != ReservationStatus.Reserved)
        {
            return Unchanged(reservation.Status);
        }

        Reservations[reservationId] = reservation with { Status = ReservationStatus.Released, ClosedAt = now };
        return Changed(ReservationStatus.Released);
    }

    /// <summary>
    /// Gives the units of a reservation back when its expiry reminder fires, if it is still held.
    /// The reminder is the clock: it is registered for exactly the hold time when the units are reserved.
    /// </summary>
    public ReservationOutcome Expire(string reservationId, DateTimeOffset now)
    {
        if (!Reservations.TryGetValue(reservationId, out var reservation))
        {
            return Unchanged(ReservationStatus.Unknown);
        }
        if (reservation.Status != ReservationStatus.Reserved)
        {
            return Unchanged(reservation.Status);
        }

        Reservations[reservationId] = reservation with { Status = ReservationStatus.Expired, ClosedAt = now };
        return Changed(ReservationStatus.Expired);
    }

    /// <summary>
    /// Adds (or with a negative change removes) units in one warehouse. Refused when the warehouse
    /// would hold fewer than none, or when fewer units would remain than are reserved.
    /// </summary>
    /// <returns>Null when applied, else why not.</returns>
    public string? Adjust(string warehouseId, int change)
    {
        var inWarehouse = OnHandByWarehouse.GetValueOrDefault(warehouseId);
        if (inWarehouse + change < 0)
        {
            return $"Warehouse '{warehouseId}' holds {inWarehouse} units; it cannot give {-change}.";
        }
        if (Available + change < 0)
        {
            return $"Only {Available} units are not reserved; removing {-change} would leave reservations without stock.";
        }

        OnHandByWarehouse[warehouseId] = inWarehouse + change;
        AdjustmentCount++;
        Revision++;
        return null;
    }

    /// <summary>
    /// Whether <c>inventory.low-stock</c> is due now: once when available falls to or below the
    /// threshold, again only after it has risen above it in between.
    /// </summary>
    public bool TakeLowStockAlert(int threshold)
    {
        if (Available > threshold)
        {
            LowStockAnnounced = false;
            return false;
        }
        if (LowStockAnnounced)
        {
            return false;
        }
        LowStockAnnounced = true;
        return true;
    }

    /// <summary>Forgets reservations closed before <paramref name="cutoff"/> (retries that late are not expected).</summary>
    public void ForgetClosedBefore(DateTimeOffset cutoff)
    {
        foreach (var (id, reservation) in Reservations.Where(r => r.Value.ClosedAt < cutoff).ToList())
        {
            Reservations.Remove(id);
        }
    }

    public StockLevel ToStockLevel(string sku, int defaultThreshold) => new(
        sku,
        new SortedDictionary<string, int>(OnHandByWarehouse, StringComparer.Ordinal),
        OnHand,
        Reserved,
        Available,
        LowStockThreshold ?? defaultThreshold,
        Revision,
        AdjustmentCount,
        [.. Reservations
            .Where(r => r.Value.Status == ReservationStatus.Reserved)
            .OrderBy(r => r.Value.ExpiresAt)
            .Select(r => new ActiveReservation(r.Key, r.Value.Quantity, r.Value.ExpiresAt))]);

    /// <summary>Committed units leave the fullest warehouses first (ties by id), so the result is deterministic.</summary>
    private void TakeFromWarehouses(int quantity)
    {
        var remaining = quantity;
        foreach (var (warehouse, units) in OnHandByWarehouse.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).ToList())
        {
            var taken = Math.Min(units, remaining);
            OnHandByWarehouse[warehouse] = units - taken;
            remaining -= taken;
            if (remaining == 0)
            {
                return;
            }
        }
        throw new InvalidOperationException($"A reservation of {quantity} units was not covered by on-hand stock.");
    }

    private ReservationOutcome Changed(ReservationStatus status)
    {
        Revision++;
        return new ReservationOutcome(status, StockChanged: true, Available);
    }

    private ReservationOutcome Unchanged(ReservationStatus status) => new(status, StockChanged: false, Available);
}
