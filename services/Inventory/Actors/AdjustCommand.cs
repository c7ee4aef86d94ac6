using Ecommerce.Inventory.Model;

namespace Ecommerce.Inventory.Actors;

/// <summary>
/// Change the on-hand units of one warehouse, recorded in the audit trail as done by <see cref="AdjustedBy"/>;
/// once per <see cref="IdempotencyKey"/> when one is given.
/// </summary>
public sealed record AdjustCommand(string WarehouseId, int Change, AdjustmentReason Reason, string? Note, string AdjustedBy, string? IdempotencyKey = null);
