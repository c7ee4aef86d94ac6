using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.ReadModel;

/// <summary>
/// Collects a listing as its matches stream by: counts them and their brands and categories, and
/// keeps only what the page shows. When the matches arrive already in the listing's order it keeps
/// those at the page's positions; otherwise it keeps the best <c>skip + take</c> in a heap, so a
/// listing of 50,000 products costs a walk and a few comparisons per product, never a full sort.
/// </summary>
internal sealed class ResultPage(int skip, int take, IComparer<ListingMatch> order, bool inOrder)
{
    private readonly List<ListingMatch> _page = [];
    // Ordered worst first, so the root is the one to drop when a better match comes.
    private readonly PriorityQueue<ListingMatch, ListingMatch> _best = new(Comparer<ListingMatch>.Create((a, b) => order.Compare(b, a)));
    private readonly Dictionary<string, int> _brands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    public void Add(ListingMatch match)
    {
        var product = match.Listed.Product;
        _brands[product.Brand] = _brands.GetValueOrDefault(product.Brand) + 1;
        _categories[product.CategoryId] = _categories.GetValueOrDefault(product.CategoryId) + 1;
        if (inOrder)
        {
            if (Total >= skip && Total < skip + take)
            {
                _page.Add(match);
            }
        }
        else if (_best.Count < skip + take)
        {
            _best.Enqueue(match, match);
        }
        else if (skip + take > 0)
        {
            _best.EnqueueDequeue(match, match);
        }
        Total++;
    }

    /// <summary>The page's matches in the listing's order.</summary>
    public IReadOnlyList<ListingMatch> Items()
    {
        if (inOrder)
        {
            return _page;
        }
        var kept = _best.UnorderedItems.Select(item => item.Element).ToList();
        kept.Sort(order);
        return [.. kept.Skip(skip)];
    }

    public IReadOnlyList<FacetCount> BrandFacets(int most) => [.. Facets(_brands, StringComparer.OrdinalIgnoreCase).Take(most)];

    public IReadOnlyList<FacetCount> CategoryFacets() => [.. Facets(_categories, StringComparer.Ordinal)];

    /// <summary>Most frequent first, then by value.</summary>
    private static IEnumerable<FacetCount> Facets(Dictionary<string, int> counts, StringComparer comparer) =>
        counts
            .Select(pair => new FacetCount(pair.Key, pair.Value))
            .OrderByDescending(facet => facet.Count)
            .ThenBy(facet => facet.Value, comparer);
}
