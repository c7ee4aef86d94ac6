using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Benchmarks;

/// <summary>
/// The baseline: the same query answered the obvious way, a LINQ scan over every product with
/// substring matching for text (no prefix-with-typo matching, no ranking beyond name order).
/// It returns the total and the page, as the read model does.
/// </summary>
internal sealed class LinqScanBaseline(BenchmarkData data)
{
    private readonly CategoryTree _tree = new(data.Categories);

    public (int Total, List<string> Page) Query(ProductQuery query)
    {
        var categories = query.Category is null ? null : _tree.SelfAndDescendants(query.Category);
        var words = (query.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var attributes = (query.Attributes ?? []).Select(AttributeFilter.Parse).ToArray();
        var matches = data.Products
            .Where(product => product.Status == ProductStatus.Active)
            .Where(product => categories is null || categories.Contains(product.CategoryId))
            .Where(product => query.Brands is null || query.Brands.Contains(product.Brand, StringComparer.OrdinalIgnoreCase))
            .Where(product => words.All(word =>
                product.Name.Contains(word, StringComparison.OrdinalIgnoreCase)
                || product.Brand.Contains(word, StringComparison.OrdinalIgnoreCase)
                || product.Description.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .Where(product => attributes.All(filter =>
                product.Attributes.Any(pair => Same(pair, filter)) || product.Variants.Any(variant => variant.Options.Any(pair => Same(pair, filter)))))
            .Where(product => query.InStock is null || product.Variants.Any(variant => data.Skus[variant.Sku].Available > 0) == query.InStock)
            .Select(product => (Product: product, Price: product.Variants.Count == 0 ? (decimal?)null : product.Variants.Min(variant => data.Skus[variant.Sku].Price)))
            .Where(match => (query.MinPrice is null || match.Price >= query.MinPrice) && (query.MaxPrice is null || match.Price <= query.MaxPrice))
            .ToList();
        var ordered = query.Sort switch
        {
            "priceAscending" => matches.OrderBy(match => match.Price),
            "priceDescending" => matches.OrderByDescending(match => match.Price),
            "newest" => matches.OrderByDescending(match => match.Product.CreatedAt),
            _ => matches.OrderBy(match => match.Product.Name, StringComparer.OrdinalIgnoreCase),
        };
        var pageSize = query.PageSize ?? ProductQuery.DefaultPageSize;
        return (matches.Count, [.. ordered.Skip(((query.Page ?? 1) - 1) * pageSize).Take(pageSize).Select(match => match.Product.Id)]);
    }

    private static bool Same(KeyValuePair<string, string> pair, AttributeFilter filter) =>
        string.Equals(pair.Key, filter.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(pair.Value, filter.Value, StringComparison.OrdinalIgnoreCase);
}
