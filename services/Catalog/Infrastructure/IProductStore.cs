using Ecommerce.Catalog.IntegrationEvents.Events;
using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Infrastructure;

/// <summary>Where products live. Handlers see this, never the Dapr client.</summary>
public interface IProductStore
{
    Task<VersionedProduct?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a new product and announces it with <paramref name="announcement"/>, both or neither.
    /// Returns null when another product already has the slug.
    /// </summary>
    Task<VersionedProduct?> CreateAsync(Product product, ProductChangedV2 announcement, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the product stored with <paramref name="expectedETag"/> and announces it, both or neither.
    /// A changed slug is reserved first and the old one given back after.
    /// </summary>
    Task<ProductUpdate> UpdateAsync(Product product, string expectedETag, ProductChangedV2 announcement, CancellationToken cancellationToken);

    /// <summary>Every product id ever created (from the index documents); a few may have no product (a create that never finished).</summary>
    Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken);

    /// <summary>The products that exist among <paramref name="ids"/>.</summary>
    Task<IReadOnlyList<Product>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);
}

/// <summary>A product with the ETag of the stored version, for optimistic concurrency.</summary>
public sealed record VersionedProduct(Product Product, string ETag);
