using Ecommerce.Contracts.Pricing;
using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Infrastructure;

/// <summary>Where prices (and their history) live. Handlers see this, never the Dapr client.</summary>
public interface IPriceStore
{
    Task<Versioned<PriceRecord>?> GetAsync(string sku, string currency, CancellationToken cancellationToken);

    /// <summary>The prices of those SKUs in that currency that have one, by SKU.</summary>
    Task<IReadOnlyDictionary<string, PriceRecord>> GetManyAsync(IReadOnlyCollection<string> skus, string currency, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="record"/> and announces it with <paramref name="announcement"/>, both or
    /// neither, provided the stored version is still <paramref name="expectedETag"/> (null: there is
    /// none yet). Returns false, having written nothing, when it is not.
    /// </summary>
    Task<bool> SaveAsync(PriceRecord record, PriceChangedV1 announcement, string? expectedETag, CancellationToken cancellationToken);
}
