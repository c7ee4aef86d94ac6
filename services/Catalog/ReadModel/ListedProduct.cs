using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.ReadModel;

/// <summary>A product in the read model: the product itself, its number in the search index, and its SKUs' live facts.</summary>
internal sealed class ListedProduct(Product product, int document, IReadOnlyList<SkuFacts> skus)
{
    /// <summary>Every "name:value" of the product's attributes and its variants' options, made once: listings test them per product.</summary>
    private readonly HashSet<string> _attributes = new(
        product.Attributes.Concat(product.Variants.SelectMany(variant => variant.Options)).Select(pair => Key(pair.Key, pair.Value)),
        StringComparer.OrdinalIgnoreCase);

    public Product Product { get; } = product;

    public int Document { get; } = document;

    public ProductMedia? Image { get; } = product.Media.OrderBy(media => media.Order).FirstOrDefault();

    /// <summary>The name in capitals, computed once: sorting by name then compares ordinally, which is much cheaper than ignoring case each time.</summary>
    public string NameKey { get; } = product.Name.ToUpperInvariant();

    /// <summary>The cheapest variant priced in <paramref name="currency"/>; null when none is.</summary>
    public decimal? PriceFrom(string currency)
    {
        decimal? lowest = null;
        foreach (var sku in skus)
        {
            if (sku.Prices.ByCurrency.TryGetValue(currency, out var price) && (lowest is null || price.Amount < lowest))
            {
                lowest = price.Amount;
            }
        }
        return lowest;
    }

    public bool InStock
    {
        get
        {
            foreach (var sku in skus)
            {
                if (sku.Stock is { Available: > 0 })
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>A product attribute or any variant's option with this name and value (case does not matter).</summary>
    public bool Has(AttributeFilter filter) => _attributes.Contains(Key(filter.Name, filter.Value));

    private static string Key(string name, string value) => $"{name}:{value}";
}
