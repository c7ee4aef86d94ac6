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
/// <para>
/// A create first reserves the slug (a first-write save), then writes the product in a state
/// transaction that also carries the <c>catalog.product-changed</c> event through Dapr's outbox
/// (<c>outboxPublishPubsub</c> / <c>outboxPublishTopic</c> on the component), as a projection so
/// subscribers get the event, not the stored document. The reservation is not in that
/// transaction because the outbox publishes every upsert of a transaction. A reservation whose
/// product was never written (a crash between the two steps) is taken over by the next product
/// that asks for the slug.
/// </para>
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
        var reservation = await ReserveSlugAsync(product.Slug, product.Id, cancellationToken);
        if (reservation is null)
        {
            return null;
        }

        var key = ProductKey(product.Id);
        List<StateTransactionRequest> operations =
        [
            new(key, Serialize(product), StateOperationType.Upsert, options: FirstWrite),
            new(key, Serialize(announcement), StateOperationType.Upsert, metadata: OutboxProjection),
        ];
        try
        {
            await dapr.ExecuteStateTransactionAsync(Components.CatalogStore, operations, cancellationToken: cancellationToken);
        }
        catch (DaprException)
        {
            // Give the slug back; if even that fails, the next product asking for it takes it over.
            await dapr.TryDeleteStateAsync(Components.CatalogStore, SlugKey(product.Slug), reservation, cancellationToken: CancellationToken.None);
            throw;
        }

        return await GetAsync(product.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Product '{product.Id}' was committed but cannot be read back.");
    }

    /// <summary>The reservation's ETag, or null when another product owns the slug.</summary>
    private async Task<string?> ReserveSlugAsync(string slug, string productId, CancellationToken cancellationToken)
    {
        var key = SlugKey(slug);
        try
        {
            await dapr.SaveStateAsync(Components.CatalogStore, key, productId, FirstWrite, cancellationToken: cancellationToken);
        }
        catch (DaprException)
        {
            // Taken, or a reservation left behind by a create that never finished.
            var (owner, etag) = await dapr.GetStateAndETagAsync<string>(Components.CatalogStore, key, cancellationToken: cancellationToken);
            if (owner is null || await GetAsync(owner, cancellationToken) is not null)
            {
                return owner is null ? throw new InvalidOperationException($"Slug '{slug}' could not be reserved.") : null;
            }
            if (!await dapr.TrySaveStateAsync(Components.CatalogStore, key, productId, etag, cancellationToken: cancellationToken))
            {
                return null;
            }
        }
        var (_, reservation) = await dapr.GetStateAndETagAsync<string>(Components.CatalogStore, key, cancellationToken: cancellationToken);
        return reservation;
    }

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonConventions.Options);

    private static string ProductKey(string id) => $"product|{id}";

    private static string SlugKey(string slug) => $"slug|{slug}";
}
