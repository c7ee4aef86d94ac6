using System.Text.Json;
using Dapr.Client;
using Ecommerce.Contracts;

namespace Ecommerce.Catalog.Infrastructure;

/// <summary>Bulk reads of <c>catalog-store</c> in batches the sidecar handles comfortably; missing keys are left out.</summary>
internal static class BulkState
{
    private const int BatchSize = 250;

    public static async Task<Dictionary<string, T>> GetManyAsync<T>(
        this DaprClient dapr, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var batch in keys.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            var items = await dapr.GetBulkStateAsync(Components.CatalogStore, batch, parallelism: null, cancellationToken: cancellationToken);
            foreach (var item in items)
            {
                if (!string.IsNullOrEmpty(item.Value) && JsonSerializer.Deserialize<T>(item.Value, JsonConventions.Options) is { } value)
                {
                    found[item.Key] = value;
                }
            }
        }
        return found;
    }
}
