namespace Ecommerce.Inventory.Model;

/// <summary>
/// The answer of a SKU to a reservation operation: the reservation's status afterwards, whether
/// the stock changed (then the change is announced) and the units available afterwards.
/// </summary>
public sealed record ReservationOutcome(ReservationStatus Status, bool StockChanged, int Available);
