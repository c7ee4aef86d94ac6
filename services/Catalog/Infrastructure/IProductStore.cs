using Ecommerce.Catalog.Model;
using Ecommerce.Contracts.Catalog;

namespace Ecommerce.Catalog.Infrastructure;

/// <summary>Where products live. Handlers see this, never the Dapr client.</summary>
public interface IProductStore
{
    Task<VersionedProduct?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a new product and announces it with <paramref name="announcement"/>, both or neither.
    /// Returns null when another product already has the slug.
    /// </summary>
    Task<VersionedProduct?> CreateAsync(Product product, ProductChangedV1 announcement, CancellationToken cancellationToken);
}

/// <summary>A product with the ETag of the stored version, for optimistic concurrency.</summary>
public sealed record VersionedProduct(Product Product, string ETag);
