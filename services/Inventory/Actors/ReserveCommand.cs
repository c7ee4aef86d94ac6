namespace Ecommerce.Inventory.Actors;

/// <summary>Hold <see cref="Quantity"/> units for <see cref="ExpiresInSeconds"/> unless committed or released first.</summary>
public sealed record ReserveCommand(string ReservationId, int Quantity, int ExpiresInSeconds);
