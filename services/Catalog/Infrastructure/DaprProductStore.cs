using System.Text.Json;
using Dapr;
using Dapr.Client;
using Ecommerce.Catalog.IntegrationEvents.Events;
using Ecommerce.Catalog.Model;
using Ecommerce.Contracts;

namespace Ecommerce.Catalog.Infrastructure;

/// <summary>
/// Products in the <c>catalog-store</c> state component, through the sidecar.
/// Keys (<see cref="StateKeys"/>): <c>product|{id}</c> holds the product, <c>slug|{slug}</c> the id owning a slug,
/// <c>index|NN</c> the ids of the products of one index shard.
/// <para>
/// A create first reserves the slug (a first-write save), then writes the product in a state
/// transaction that also carries the <c>catalog.product-changed</c> event through Dapr's outbox
/// (<c>outboxPublishPubsub</c> / <c>outboxPublishTopic</c> on the component), as a projection so
/// subscribers get the event, not the stored document. The reservation is not in that
/// transaction because the outbox publishes every upsert of a transaction. A reservation whose
/// product was never written (a crash between the two steps) is taken over by the next product
/// that asks for the slug.
/// </para>
/// <para>
/// For the same reason the index entry is a single save of its own, made before the product
/// transaction: an index may name a product that was never written (skipped when read), but never
/// misses one that was. An update is the same transaction with the ETag the caller read; a changed
/// slug is reserved before it and the old reservation given back after it.
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
            Components.CatalogStore, StateKeys.Product(id), cancellationToken: cancellationToken);
        return product is null ? null : new VersionedProduct(product, etag);
    }

    public async Task<VersionedProduct?> CreateAsync(Product product, ProductChangedV2 announcement, CancellationToken cancellationToken)
    {
        var reservation = await ReserveSlugAsync(product.Slug, product.Id, cancellationToken);
        if (reservation is null)
        {
            return null;
        }

        try
        {
            await AddToIndexAsync(product.Id, cancellationToken);
            await WriteAndAnnounceAsync(product, etag: null, announcement, cancellationToken);
        }
        catch (DaprException)
        {
            // Give the slug back; if even that fails, the next product asking for it takes it over.
            await dapr.TryDeleteStateAsync(Components.CatalogStore, StateKeys.Slug(product.Slug), reservation, cancellationToken: CancellationToken.None);
            throw;
        }

        return await ReadBackAsync(product.Id, cancellationToken);
    }

    public async Task<ProductUpdate> UpdateAsync(Product product, string expectedETag, ProductChangedV2 announcement, CancellationToken cancellationToken)
    {
        var stored = await GetAsync(product.Id, cancellationToken);
        if (stored is null || stored.ETag != expectedETag)
        {
            return new ProductUpdate(ProductUpdateOutcome.Stale);
        }

        var slugChanged = stored.Product.Slug != product.Slug;
        string? newReservation = null;
        if (slugChanged)
        {
            newReservation = await ReserveSlugAsync(product.Slug, product.Id, cancellationToken);
            if (newReservation is null)
            {
                return new ProductUpdate(ProductUpdateOutcome.SlugTaken);
            }
        }

        try
        {
            await WriteAndAnnounceAsync(product, expectedETag, announcement, cancellationToken);
        }
        catch (DaprException)
        {
            if (newReservation is not null)
            {
                await dapr.TryDeleteStateAsync(Components.CatalogStore, StateKeys.Slug(product.Slug), newReservation, cancellationToken: CancellationToken.None);
            }
            // A stale ETag fails the transaction like any other error would: tell them apart by reading again.
            var now = await GetAsync(product.Id, cancellationToken);
            if (now is null || now.ETag != expectedETag)
            {
                return new ProductUpdate(ProductUpdateOutcome.Stale);
            }
            throw;
        }

        if (slugChanged)
        {
            await ReleaseSlugAsync(stored.Product.Slug, product.Id, cancellationToken);
        }
        return new ProductUpdate(ProductUpdateOutcome.Updated, await ReadBackAsync(product.Id, cancellationToken));
    }

    public async Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken)
    {
        var shardKeys = Enumerable.Range(0, StateKeys.IndexShardCount).Select(StateKeys.IndexShard);
        var shards = await dapr.GetManyAsync<ProductIndexShard>(shardKeys, cancellationToken);
        return [.. shards.Values.SelectMany(shard => shard.ProductIds).Distinct(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<Product>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = await dapr.GetManyAsync<Product>(ids.Select(StateKeys.Product), cancellationToken);
        return [.. found.Values];
    }

    private async Task WriteAndAnnounceAsync(Product product, string? etag, ProductChangedV2 announcement, CancellationToken cancellationToken)
    {
        var key = StateKeys.Product(product.Id);
        List<StateTransactionRequest> operations =
        [
            // No ETag: insert only (first-write); an ETag: only over the version the caller read.
            new(key, Serialize(product), StateOperationType.Upsert, etag: etag, options: FirstWrite),
            new(key, Serialize(announcement), StateOperationType.Upsert, metadata: OutboxProjection),
        ];
        await dapr.ExecuteStateTransactionAsync(Components.CatalogStore, operations, cancellationToken: cancellationToken);
    }

    private async Task AddToIndexAsync(string productId, CancellationToken cancellationToken) =>
        await dapr.UpdateAsync<ProductIndexShard>(
            StateKeys.IndexShard(StateKeys.IndexShardOf(productId)),
            shard => shard switch
            {
                null => new ProductIndexShard([productId]),
                _ when shard.ProductIds.Contains(productId) => shard,
                _ => new ProductIndexShard([.. shard.ProductIds, productId]),
            },
            cancellationToken);

    private async Task<VersionedProduct> ReadBackAsync(string id, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken)
        ?? throw new InvalidOperationException($"Product '{id}' was committed but cannot be read back.");

    /// <summary>The reservation's ETag, or null when another product owns the slug.</summary>
    private async Task<string?> ReserveSlugAsync(string slug, string productId, CancellationToken cancellationToken)
    {
        var key = StateKeys.Slug(slug);
        try
        {
            await dapr.SaveStateAsync(Components.CatalogStore, key, productId, FirstWrite, cancellationToken: cancellationToken);
        }
        catch (DaprException)
        {
            // Taken, or a reservation left behind by a create that never finished.
            var (owner, etag) = await dapr.GetStateAndETagAsync<string>(Components.CatalogStore, key, cancellationToken: cancellationToken);
            if (owner is null)
            {
                throw new InvalidOperationException($"Slug '{slug}' could not be reserved.");
            }
            if (owner != productId && await GetAsync(owner, cancellationToken) is { } ownerProduct && ownerProduct.Product.Slug == slug)
            {
                return null;
            }
            // Left behind, ours already, or held by a product that has since moved to another slug.
            if (!await dapr.TrySaveStateAsync(Components.CatalogStore, key, productId, etag, cancellationToken: cancellationToken))
            {
                return null;
            }
        }
        var (_, reservation) = await dapr.GetStateAndETagAsync<string>(Components.CatalogStore, key, cancellationToken: cancellationToken);
        return reservation;
    }

    /// <summary>Gives back a slug this product no longer uses; left in place if someone else holds it now.</summary>
    private async Task ReleaseSlugAsync(string slug, string productId, CancellationToken cancellationToken)
    {
        var key = StateKeys.Slug(slug);
        var (owner, etag) = await dapr.GetStateAndETagAsync<string>(Components.CatalogStore, key, cancellationToken: cancellationToken);
        if (owner == productId)
        {
            await dapr.TryDeleteStateAsync(Components.CatalogStore, key, etag, cancellationToken: cancellationToken);
        }
    }

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonConventions.Options);
}
