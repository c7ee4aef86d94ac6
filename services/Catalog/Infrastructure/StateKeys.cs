namespace Ecommerce.Catalog.Infrastructure;

/// <summary>
/// Every key the catalog writes in <c>catalog-store</c>, in one place so the layout reads at a glance.
/// </summary>
internal static class StateKeys
{
    /// <summary>Index documents are spread over this many keys so none grows large (50,000 products ≈ 55 KB each).</summary>
    public const int IndexShardCount = 32;

    public const string Categories = "categories";

    public static string Product(string id) => $"product|{id}";

    public static string Slug(string slug) => $"slug|{slug}";

    public static string IndexShard(int shard) => $"index|{shard:D2}";

    /// <summary>The shard of a product id: a stable hash (FNV-1a), the same in every process and version.</summary>
    public static int IndexShardOf(string productId)
    {
        ArgumentNullException.ThrowIfNull(productId);
        var hash = 2166136261u;
        foreach (var c in productId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % IndexShardCount);
    }

    public static string SkuPrices(string sku) => $"sku-prices|{sku}";

    public static string SkuStock(string sku) => $"sku-stock|{sku}";
}
