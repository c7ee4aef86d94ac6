using System.Text.Json;
using Dapr;
using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Inventory;
using Ecommerce.Inventory.Model;
using Ecommerce.ServiceDefaults.Errors;

namespace Ecommerce.Inventory.Infrastructure;

/// <summary>
/// The read model in <c>inventory-store</c> under <c>availability|{sku}</c>. Events arrive at
/// least once and in any order, so an entry is only replaced by a higher revision, with an ETag
/// so two deliveries handled at once cannot overwrite each other's newer value.
/// </summary>
internal sealed class DaprAvailabilityStore(DaprClient dapr) : IAvailabilityStore
{
    private const int Attempts = 5;

    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<bool> ApplyAsync(StockChangedV1 change, CancellationToken cancellationToken)
    {
        var key = Key(change.Sku);
        var entry = new SkuAvailability(change.Sku, change.Available, change.Revision);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (held, etag) = await dapr.GetStateAndETagAsync<SkuAvailability>(Components.InventoryStore, key, cancellationToken: cancellationToken);
            if (held is not null && held.Revision >= change.Revision)
            {
                return false;
            }
            if (held is null)
            {
                try
                {
                    await dapr.SaveStateAsync(Components.InventoryStore, key, entry, FirstWrite, cancellationToken: cancellationToken);
                    return true;
                }
                catch (DaprException error) when (!DependencyFailure.IsUnavailable(error))
                {
                    // Another delivery created it first: read it and compare again.
                    continue;
                }
            }
            if (await dapr.TrySaveStateAsync(Components.InventoryStore, key, entry, etag, cancellationToken: cancellationToken))
            {
                return true;
            }
        }
        throw new InvalidOperationException($"The availability of '{change.Sku}' kept changing under {Attempts} attempts; the event will be redelivered.");
    }

    public async Task<IReadOnlyList<SkuAvailability>> GetAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var keys = skus.Distinct(StringComparer.Ordinal).Select(Key).ToList();
        var found = await dapr.GetBulkStateAsync(Components.InventoryStore, keys, parallelism: null, cancellationToken: cancellationToken);
        var bySku = found
            .Where(item => !string.IsNullOrEmpty(item.Value))
            .Select(item => JsonSerializer.Deserialize<SkuAvailability>(item.Value, JsonConventions.Options)!)
            .ToDictionary(entry => entry.Sku, StringComparer.Ordinal);
        return [.. skus.Select(sku => bySku.GetValueOrDefault(sku) ?? new SkuAvailability(sku, 0, 0))];
    }

    private static string Key(string sku) => $"availability|{sku}";
}
