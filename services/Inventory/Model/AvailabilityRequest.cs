namespace Ecommerce.Inventory.Model;

/// <summary>The SKUs a page shows, to learn how many units of each can be bought.</summary>
public sealed record AvailabilityRequest(IReadOnlyList<string> Skus);

/// <summary>Available units per SKU, in the order asked; a SKU never stocked has 0.</summary>
public sealed record AvailabilityResponse(IReadOnlyList<SkuAvailability> Items);

/// <summary>
/// One SKU's available units as the read model last heard (<see cref="Revision"/> 0: never heard of).
/// It follows <c>inventory.stock-changed</c>, so it may lag the actor by the time an event takes.
/// </summary>
public sealed record SkuAvailability(string Sku, int Available, long Revision);
