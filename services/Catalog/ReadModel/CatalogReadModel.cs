using Ecommerce.Catalog.Extensions;
using Ecommerce.Catalog.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Catalog.ReadModel;

/// <summary>
/// What the public listing and search read: every product of the store in memory, a search index
/// over them, the category tree and each SKU's price and stock. Each replica keeps its own, loaded
/// from state at start (<see cref="ReadModelLoader"/>) and kept current by the product, price and
/// stock events. Every change keeps the highest revision, so events may arrive late, twice or
/// before the load finished and the result is the same.
/// <para>
/// Reads share a lock, writes take it alone: queries are many and short, changes few.
/// </para>
/// </summary>
public sealed class CatalogReadModel(IOptions<CatalogOptions> options) : IDisposable
{
    private const float NameWeight = 3f;
    private const float BrandWeight = 2f;
    private const float CategoryWeight = 1.5f;
    private const float AttributeWeight = 1f;
    private const float DescriptionWeight = 0.5f;
    private const int MaxBrandFacets = 50;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, ListedProduct> _products = new(StringComparer.Ordinal);
    private readonly List<ListedProduct?> _byDocument = [];
    private readonly Dictionary<string, SkuFacts> _skus = new(StringComparer.Ordinal);
    private readonly SearchIndex _search = new();
    private CategoryTree _categories = CategoryTree.Empty;
    private volatile bool _loaded;

    /// <summary>True once the products in state at start are all in; until then the replica is not ready.</summary>
    public bool IsLoaded => _loaded;

    public void MarkLoaded() => _loaded = true;

    public int ProductCount => Read(() => _products.Count);

    public CategoryTree Categories => Read(() => _categories);

    public void ReplaceCategories(IEnumerable<Category> categories)
    {
        var tree = new CategoryTree(categories);
        Write(() =>
        {
            _categories = tree;
            // Category names are part of each product's search text.
            foreach (var listed in _products.Values)
            {
                _search.Index(listed.Document, SearchFields(listed.Product));
            }
        });
    }

    /// <summary>Takes <paramref name="product"/> unless a revision as new is known; true when it was taken.</summary>
    public bool Apply(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        product = WithoutNulls(product);
        var applied = false;
        Write(() =>
        {
            int document;
            if (_products.TryGetValue(product.Id, out var known))
            {
                if (known.Product.Revision >= product.Revision)
                {
                    return;
                }
                document = known.Document;
            }
            else
            {
                document = _byDocument.Count;
                _byDocument.Add(null);
            }
            var skus = product.Variants.Select(variant => FactsOf(variant.Sku)).ToArray();
            var listed = new ListedProduct(product, document, skus);
            _products[product.Id] = listed;
            _byDocument[document] = listed;
            _search.Index(document, SearchFields(product));
            applied = true;
        });
        return applied;
    }

    public void ApplyPrices(string sku, SkuPrices prices) => Write(() => FactsOf(sku).Merge(prices));

    public void ApplyStock(string sku, SkuStock stock) => Write(() => FactsOf(sku).Merge(stock));

    /// <summary>The SKUs of <paramref name="product"/> for which neither a price nor stock is known here.</summary>
    public IReadOnlyList<string> SkusWithoutFacts(Product product) =>
        Read(() => product.Variants
            .Select(variant => variant.Sku)
            .Where(sku => !_skus.TryGetValue(sku, out var facts) || (facts.Prices.ByCurrency.Count == 0 && facts.Stock is null))
            .ToList());

    /// <summary>One page of the active products that pass every filter of <paramref name="query"/>, ordered as asked.</summary>
    public ProductPage Query(ProductQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var currency = query.Currency ?? options.Value.DefaultCurrency;
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? ProductQuery.DefaultPageSize;
        var brands = query.Brands is { Length: > 0 } ? new HashSet<string>(query.Brands, StringComparer.OrdinalIgnoreCase) : null;
        var attributes = (query.Attributes ?? []).Select(AttributeFilter.Parse).ToArray();

        return Read(() =>
        {
            var scores = string.IsNullOrWhiteSpace(query.Text) ? null : _search.Search(query.Text);
            IEnumerable<ListedProduct> candidates = scores is null ? _products.Values : scores.Keys.Select(document => _byDocument[document]!);
            var categories = query.Category is null ? null : _categories.SelfAndDescendants(query.Category);

            var matches = new List<Match>();
            foreach (var listed in candidates)
            {
                var product = listed.Product;
                if (product.Status != ProductStatus.Active
                    || (categories is not null && !categories.Contains(product.CategoryId))
                    || (brands is not null && !brands.Contains(product.Brand))
                    || (query.InStock is { } inStock && listed.InStock != inStock)
                    || !attributes.All(listed.Has))
                {
                    continue;
                }
                var price = listed.PriceFrom(currency);
                if ((query.MinPrice is not null || query.MaxPrice is not null)
                    && (price is null || price < query.MinPrice || price > query.MaxPrice))
                {
                    continue;
                }
                matches.Add(new Match(listed, price, scores?.GetValueOrDefault(listed.Document) ?? 0));
            }

            var items = matches
                .Order(OrderOf(ProductSorts.TryParse(query.Sort, out var sort) ? sort : scores is null ? ProductSort.Name : ProductSort.Relevance))
                .Skip((page - 1) * pageSize)
                .Take(pageSize)
                .Select(match => Summary(match, currency))
                .ToList();
            return new ProductPage(items, page, pageSize, matches.Count, BrandFacets(matches), CategoryFacets(matches));
        });
    }

    public void Dispose() => _lock.Dispose();

    private SkuFacts FactsOf(string sku)
    {
        if (!_skus.TryGetValue(sku, out var facts))
        {
            _skus[sku] = facts = new SkuFacts();
        }
        return facts;
    }

    private IEnumerable<(string?, float)> SearchFields(Product product)
    {
        yield return (product.Name, NameWeight);
        yield return (product.Brand, BrandWeight);
        foreach (var name in _categories.NamesUpFrom(product.CategoryId))
        {
            yield return (name, CategoryWeight);
        }
        foreach (var value in product.Attributes.Values)
        {
            yield return (value, AttributeWeight);
        }
        foreach (var variant in product.Variants)
        {
            yield return (variant.Sku, AttributeWeight);
            foreach (var value in variant.Options.Values)
            {
                yield return (value, AttributeWeight);
            }
        }
        yield return (product.Description, DescriptionWeight);
    }

    private static Comparer<Match> OrderOf(ProductSort sort) => sort switch
    {
        ProductSort.Relevance => Comparer<Match>.Create((a, b) => b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore : ByName(a, b)),
        ProductSort.PriceAscending => Comparer<Match>.Create((a, b) => ByPrice(a, b, ascending: true)),
        ProductSort.PriceDescending => Comparer<Match>.Create((a, b) => ByPrice(a, b, ascending: false)),
        ProductSort.Newest => Comparer<Match>.Create((a, b) =>
            b.Listed.Product.CreatedAt.CompareTo(a.Listed.Product.CreatedAt) is var byAge and not 0 ? byAge : ByName(a, b)),
        _ => Comparer<Match>.Create(ByName),
    };

    private static int ByName(Match a, Match b) =>
        string.CompareOrdinal(a.Listed.NameKey, b.Listed.NameKey) is var byName and not 0
            ? byName
            : string.CompareOrdinal(a.Listed.Product.Id, b.Listed.Product.Id);

    /// <summary>Products without a price come last in both directions: they cannot be bought yet.</summary>
    private static int ByPrice(Match a, Match b, bool ascending) => (a.Price, b.Price) switch
    {
        (null, null) => ByName(a, b),
        (null, _) => 1,
        (_, null) => -1,
        var (x, y) => (ascending ? x.Value.CompareTo(y.Value) : y.Value.CompareTo(x.Value)) is var byPrice and not 0 ? byPrice : ByName(a, b),
    };

    private static List<FacetCount> BrandFacets(List<Match> matches) =>
        [.. Count(matches, match => match.Listed.Product.Brand, StringComparer.OrdinalIgnoreCase).Take(MaxBrandFacets)];

    private static List<FacetCount> CategoryFacets(List<Match> matches) =>
        [.. Count(matches, match => match.Listed.Product.CategoryId, StringComparer.Ordinal)];

    /// <summary>Most frequent first. A plain counting loop: this runs over every match of every listing.</summary>
    private static IEnumerable<FacetCount> Count(List<Match> matches, Func<Match, string> value, StringComparer comparer)
    {
        var counts = new Dictionary<string, int>(comparer);
        foreach (var match in matches)
        {
            var key = value(match);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts
            .Select(pair => new FacetCount(pair.Key, pair.Value))
            .OrderByDescending(facet => facet.Count)
            .ThenBy(facet => facet.Value, comparer);
    }

    private static ProductSummary Summary(Match match, string currency)
    {
        var product = match.Listed.Product;
        return new ProductSummary(
            product.Id, product.Name, product.Slug, product.Brand, product.CategoryId,
            match.Price, currency, match.Listed.InStock, match.Listed.Image?.Url, match.Listed.Image?.AltText);
    }

    /// <summary>Products stored before variants, media and attributes existed read back with nulls there.</summary>
    private static Product WithoutNulls(Product product) => product with
    {
        CategoryId = product.CategoryId ?? "",
        Attributes = product.Attributes ?? new Dictionary<string, string>(),
        Variants = [.. (product.Variants ?? []).Select(variant => variant with { Options = variant.Options ?? new Dictionary<string, string>() })],
        Media = product.Media ?? [],
    };

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Write(Action write)
    {
        _lock.EnterWriteLock();
        try
        {
            write();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>A struct: one is made for every product that passes the filters.</summary>
    private readonly record struct Match(ListedProduct Listed, decimal? Price, float Score);
}
