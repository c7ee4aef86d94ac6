namespace Ecommerce.Inventory.Model;

/// <summary>
/// One reservation of one SKU, as its actor keeps it. Closed reservations (committed, released,
/// expired) are remembered for a while so that a retried reserve, commit or release gets the
/// same answer instead of acting twice.
/// </summary>
public sealed record Reservation(int Quantity, ReservationStatus Status, DateTimeOffset ExpiresAt, DateTimeOffset? ClosedAt = null);
