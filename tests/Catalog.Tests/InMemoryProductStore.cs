using System.Collections.Concurrent;
using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.Model;
using Ecommerce.Contracts.Catalog;

namespace Ecommerce.Catalog.Tests;

/// <summary>
/// Unit-level stand-in for the Dapr-backed store: same contract (slug uniqueness, new ETag per
/// write) and a record of what would have been announced. The Dapr store itself is tested
/// against a real sidecar.
/// </summary>
internal sealed class InMemoryProductStore : IProductStore
{
    private readonly ConcurrentDictionary<string, VersionedProduct> _products = new();
    private readonly ConcurrentDictionary<string, string> _slugs = new();

    public ConcurrentQueue<ProductChangedV1> Announced { get; } = new();

    public Task<VersionedProduct?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_products.TryGetValue(id, out var product) ? product : null);

    public Task<VersionedProduct?> CreateAsync(Product product, ProductChangedV1 announcement, CancellationToken cancellationToken)
    {
        if (!_slugs.TryAdd(product.Slug, product.Id))
        {
            return Task.FromResult<VersionedProduct?>(null);
        }
        var stored = new VersionedProduct(product, Guid.NewGuid().ToString("N"));
        _products[product.Id] = stored;
        Announced.Enqueue(announcement);
        return Task.FromResult<VersionedProduct?>(stored);
    }
}
