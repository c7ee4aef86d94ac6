using System.Text.Json;
using Dapr;
using Dapr.Client;
using Ecommerce.Catalog.Model;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Catalog;

namespace Ecommerce.Catalog.Infrastructure;

/// <summary>
/// Products in the <c>catalog-store</c> state component, through the sidecar.
/// Keys: <c>product|{id}</c> holds the product, <c>slug|{slug}</c> the id owning a slug.
/// A create is one state transaction: product and slug are written first-write (so a taken
/// slug fails the whole transaction) and the <c>catalog.product-changed</c> event rides the
/// same transaction through Dapr's outbox (<c>outboxPublishPubsub</c> / <c>outboxPublishTopic</c>
/// on the component), as a projection so subscribers get the event, not the stored document.
/// </summary>
internal sealed class DaprProductStore(DaprClient dapr) : IProductStore
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    private static readonly Dictionary<string, string> OutboxProjection = new()
    {
        ["outbox.projection"] = "true",
        ["contentType"] = "application/json",
    };

    public async Task<VersionedProduct?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var (product, etag) = await dapr.GetStateAndETagAsync<Product>(
            Components.CatalogStore, ProductKey(id), cancellationToken: cancellationToken);
        return product is null ? null : new VersionedProduct(product, etag);
    }

    public async Task<VersionedProduct?> CreateAsync(Product product, ProductChangedV1 announcement, CancellationToken cancellationToken)
    {
        var key = ProductKey(product.Id);
        List<StateTransactionRequest> operations =
        [
            new(key, Serialize(product), StateOperationType.Upsert, options: FirstWrite),
            new(SlugKey(product.Slug), Serialize(product.Id), StateOperationType.Upsert, options: FirstWrite),
            new(key, Serialize(announcement), StateOperationType.Upsert, metadata: OutboxProjection),
        ];

        try
        {
            await dapr.ExecuteStateTransactionAsync(Components.CatalogStore, operations, cancellationToken: cancellationToken);
        }
        catch (DaprException)
        {
            // A transaction that fails on the slug's first-write is a conflict, not an outage;
            // anything else is rethrown.
            if (await SlugIsTakenAsync(product.Slug, cancellationToken))
            {
                return null;
            }
            throw;
        }

        return await GetAsync(product.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Product '{product.Id}' was committed but cannot be read back.");
    }

    private async Task<bool> SlugIsTakenAsync(string slug, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<string>(Components.CatalogStore, SlugKey(slug), cancellationToken: cancellationToken) is not null;

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonConventions.Options);

    private static string ProductKey(string id) => $"product|{id}";

    private static string SlugKey(string slug) => $"slug|{slug}";
}
