using System.Collections.Concurrent;
using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.IntegrationEvents.Events;
using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Tests;

/// <summary>
/// Unit-level stand-in for the Dapr-backed store: same contract (slug uniqueness, new ETag per
/// write, updates only over the ETag read) and a record of what would have been announced. The
/// Dapr store itself is tested against a real sidecar.
/// </summary>
internal sealed class InMemoryProductStore : IProductStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, VersionedProduct> _products = [];
    private readonly Dictionary<string, string> _slugs = [];

    public ConcurrentQueue<ProductChangedV2> Announced { get; } = new();

    public Task<VersionedProduct?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_products.GetValueOrDefault(id));
        }
    }

    public Task<VersionedProduct?> CreateAsync(Product product, ProductChangedV2 announcement, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_slugs.TryAdd(product.Slug, product.Id) || _products.ContainsKey(product.Id))
            {
                return Task.FromResult<VersionedProduct?>(null);
            }
            var stored = new VersionedProduct(product, NewETag());
            _products[product.Id] = stored;
            Announced.Enqueue(announcement);
            return Task.FromResult<VersionedProduct?>(stored);
        }
    }

    public Task<ProductUpdate> UpdateAsync(Product product, string expectedETag, ProductChangedV2 announcement, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_products.TryGetValue(product.Id, out var current) || current.ETag != expectedETag)
            {
                return Task.FromResult(new ProductUpdate(ProductUpdateOutcome.Stale));
            }
            if (current.Product.Slug != product.Slug)
            {
                if (!_slugs.TryAdd(product.Slug, product.Id))
                {
                    return Task.FromResult(new ProductUpdate(ProductUpdateOutcome.SlugTaken));
                }
                _slugs.Remove(current.Product.Slug);
            }
            var stored = new VersionedProduct(product, NewETag());
            _products[product.Id] = stored;
            Announced.Enqueue(announcement);
            return Task.FromResult(new ProductUpdate(ProductUpdateOutcome.Updated, stored));
        }
    }

    public Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _products.Keys]);
        }
    }

    public Task<IReadOnlyList<Product>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Product>>([.. ids.Where(_products.ContainsKey).Select(id => _products[id].Product)]);
        }
    }

    /// <summary>Makes the stored product change behind the API's back, as another replica would.</summary>
    public void ChangeBehindTheApi(string id)
    {
        lock (_gate)
        {
            _products[id] = _products[id] with { ETag = NewETag() };
        }
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");
}
