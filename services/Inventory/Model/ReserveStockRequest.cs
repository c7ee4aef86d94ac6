namespace Ecommerce.Inventory.Model;

/// <summary>
/// Hold stock of several SKUs for one order, all or nothing. The reservation id is the order id:
/// sending the same request again answers the same way and holds nothing more. Without
/// <see cref="ExpiresInSeconds"/> the service's default hold time applies.
/// </summary>
public sealed record ReserveStockRequest(string ReservationId, IReadOnlyList<ReservationLine> Lines, int? ExpiresInSeconds = null);

/// <summary>Units of one SKU.</summary>
public sealed record ReservationLine(string Sku, int Quantity);
