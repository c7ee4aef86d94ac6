using System.Text.Json.Serialization;
using Ecommerce.Contracts.Inventory;
using Ecommerce.Inventory.Model;

namespace Ecommerce.Inventory.Actors;

/// <summary>
/// The SKU actor's own outbox: what a change must tell the world (events to publish, audit
/// entries to write), saved in the same actor-state transaction as the change itself and removed
/// only once delivered. See <see cref="InventoryItemActor"/> for why.
/// </summary>
public sealed class PendingAnnouncements
{
    public List<StockChangedV1> StockChanged { get; init; } = [];

    public List<LowStockV1> LowStock { get; init; } = [];

    public List<Adjustment> Adjustments { get; init; } = [];

    /// <summary>Whether the retry reminder is registered (it is armed before a change is committed).</summary>
    public bool RetryArmed { get; set; }

    [JsonIgnore]
    public bool IsEmpty => StockChanged.Count == 0 && LowStock.Count == 0 && Adjustments.Count == 0;
}
