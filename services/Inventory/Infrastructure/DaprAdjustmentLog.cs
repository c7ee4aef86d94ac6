using System.Globalization;
using System.Text.Json;
using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Inventory.Model;

namespace Ecommerce.Inventory.Infrastructure;

/// <summary>
/// Adjustments in <c>inventory-store</c>, one immutable entry per key <c>adjustment|{sku}|{sequence}</c>.
/// The SKU's actor knows the last sequence number, so reading a page is one bulk get of known
/// keys: no query API is needed, which keeps every state store usable.
/// </summary>
internal sealed class DaprAdjustmentLog(DaprClient dapr) : IAdjustmentLog
{
    public Task AppendAsync(Adjustment adjustment, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(Components.InventoryStore, Key(adjustment.Sku, adjustment.Sequence), adjustment, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<Adjustment>> ListAsync(string sku, long newest, int limit, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        for (var sequence = newest; sequence >= 1 && keys.Count < limit; sequence--)
        {
            keys.Add(Key(sku, sequence));
        }
        if (keys.Count == 0)
        {
            return [];
        }

        var found = await dapr.GetBulkStateAsync(Components.InventoryStore, keys, parallelism: null, cancellationToken: cancellationToken);
        return [.. found
            .Where(item => !string.IsNullOrEmpty(item.Value))
            .Select(item => JsonSerializer.Deserialize<Adjustment>(item.Value, JsonConventions.Options)!)
            .OrderByDescending(adjustment => adjustment.Sequence)];
    }

    private static string Key(string sku, long sequence) => $"adjustment|{sku}|{sequence.ToString("D12", CultureInfo.InvariantCulture)}";
}
