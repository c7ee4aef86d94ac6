namespace Ecommerce.Inventory.Model;

/// <summary>A SKU's stock right now, as its actor sees it (support and admin views).</summary>
public sealed record StockLevel(
    string Sku,
    IReadOnlyDictionary<string, int> OnHandByWarehouse,
    int OnHand,
    int Reserved,
    int Available,
    int LowStockThreshold,
    long Revision,
    long Adjustments,
    IReadOnlyList<ActiveReservation> Reservations);

/// <summary>A reservation that still holds units.</summary>
public sealed record ActiveReservation(string ReservationId, int Quantity, DateTimeOffset ExpiresAt);
