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
    private readonly Dictionary<string, ListedProduct> _productBySku = new(StringComparer.Ordinal);
    private readonly SearchIndex _search = new();
    private readonly Lock _presortGate = new();
    private CategoryTree _categories = CategoryTree.Empty;
    private long _version;
    private Presort? _byName;
    private Presort? _byNewest;
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
            foreach (var dropped in known?.Product.Variants ?? [])
            {
                // Only if still ours: another product may have taken the SKU since.
                if (_productBySku.TryGetValue(dropped.Sku, out var owner) && owner.Product.Id == product.Id)
                {
                    _productBySku.Remove(dropped.Sku);
                }
            }
            foreach (var variant in product.Variants)
            {
                _productBySku[variant.Sku] = listed;
            }
            _products[product.Id] = listed;
            _byDocument[document] = listed;
            _search.Index(document, SearchFields(product));
            _version++;
            applied = true;
        });
        return applied;
    }

    public void ApplyPrices(string sku, SkuPrices prices) => Write(() => FactsOf(sku).Merge(prices));

    public void ApplyStock(string sku, SkuStock stock) => Write(() => FactsOf(sku).Merge(stock));

    /// <summary>The SKU's product and variant, whatever the product's status; null for a SKU no product has.</summary>
    public SkuDetails? FindSku(string sku) => Read(() =>
    {
        if (!_productBySku.TryGetValue(sku, out var listed))
        {
            return null;
        }
        var product = listed.Product;
        var variant = product.Variants.First(variant => variant.Sku == sku);
        return new SkuDetails(sku, product.Id, product.Name, product.CategoryId, product.Status, variant.Options, variant.WeightGrams, listed.Image?.Url);
    });

    /// <summary>The SKUs of <paramref name="product"/> for which neither a price nor stock is known here.</summary>
    public IReadOnlyList<string> SkusWithoutFacts(Product product) =>
        Read(() => product.Variants
            .Select(variant => variant.Sku)
            .Where(sku => !_skus.TryGetValue(sku, out var facts) || (facts.Prices.ByCurrency.Count == 0 && facts.Stock is null))
            .ToList());

    /// <summary>
    /// One page of the active products that pass every filter of <paramref name="query"/>, ordered as asked.
    /// One pass over the candidates counts the total and the facets and keeps only what the page
    /// needs (<see cref="ResultPage"/>): the whole result is never sorted.
    /// </summary>
    public ProductPage Query(ProductQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var currency = query.Currency ?? options.Value.DefaultCurrency;
        var pageNumber = query.Page ?? 1;
        var pageSize = query.PageSize ?? ProductQuery.DefaultPageSize;
        var brands = query.Brands is { Length: > 0 } ? new HashSet<string>(query.Brands, StringComparer.OrdinalIgnoreCase) : null;
        var attributes = (query.Attributes ?? []).Select(AttributeFilter.Parse).ToArray();
        var priceFiltered = query.MinPrice is not null || query.MaxPrice is not null;

        return Read(() =>
        {
            var scores = string.IsNullOrWhiteSpace(query.Text) ? null : _search.Search(query.Text);
            var sort = ProductSorts.TryParse(query.Sort, out var asked) && (asked != ProductSort.Relevance || scores is not null)
                ? asked
                : scores is null ? ProductSort.Name : ProductSort.Relevance;
            var categories = query.Category is null ? null : _categories.SelfAndDescendants(query.Category);
            var needsPrice = priceFiltered || sort is ProductSort.PriceAscending or ProductSort.PriceDescending;
            var (candidates, inOrder) = Candidates(sort, scores);
            var result = new ResultPage((pageNumber - 1) * pageSize, pageSize, OrderOf(sort), inOrder);

            foreach (var listed in candidates)
            {
                var product = listed.Product;
                if (product.Status != ProductStatus.Active
                    || (scores is not null && !scores.ContainsKey(listed.Document))
                    || (categories is not null && !categories.Contains(product.CategoryId))
                    || (brands is not null && !brands.Contains(product.Brand))
                    || (query.InStock is { } inStock && listed.InStock != inStock)
                    || !attributes.All(listed.Has))
                {
                    continue;
                }
                var price = needsPrice ? listed.PriceFrom(currency) : null;
                if (priceFiltered && (price is null || price < query.MinPrice || price > query.MaxPrice))
                {
                    continue;
                }
                result.Add(new ListingMatch(listed, price, scores?.GetValueOrDefault(listed.Document) ?? 0));
            }

            var items = result.Items().Select(match => Summary(match.Listed, match.Price ?? match.Listed.PriceFrom(currency), currency)).ToList();
            return new ProductPage(items, pageNumber, pageSize, result.Total, result.BrandFacets(MaxBrandFacets), result.CategoryFacets());
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

    /// <summary>
    /// What to walk: for name and newest orders every product in that order (the page is then the
    /// matches at its positions), unless a search left few hits — walking those and keeping the best
    /// is cheaper. Relevance and price orders walk the hits or every product in any order.
    /// </summary>
    private (IEnumerable<ListedProduct> Candidates, bool InOrder) Candidates(ProductSort sort, Dictionary<int, float>? scores)
    {
        var fewHits = scores is not null && scores.Count < _products.Count / 8;
        if (!fewHits && sort is ProductSort.Name or ProductSort.Newest)
        {
            return (sort == ProductSort.Name ? Presorted(ref _byName, ByName) : Presorted(ref _byNewest, NewestFirst), true);
        }
        return (scores is null ? _products.Values : scores.Keys.Select(document => _byDocument[document]!), false);
    }

    /// <summary>
    /// The products in one fixed order, sorted again only after a product changed. Called under the
    /// read lock: products cannot change meanwhile, but two readers may both find it stale.
    /// </summary>
    private ListedProduct[] Presorted(ref Presort? presort, Comparison<ListedProduct> order)
    {
        lock (_presortGate)
        {
            if (presort is null || presort.Version != _version)
            {
                var products = _products.Values.ToArray();
                Array.Sort(products, order);
                presort = new Presort(_version, products);
            }
            return presort.Products;
        }
    }

    private static Comparer<ListingMatch> OrderOf(ProductSort sort) => sort switch
    {
        ProductSort.Relevance => Comparer<ListingMatch>.Create((a, b) => b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore : ByName(a.Listed, b.Listed)),
        ProductSort.PriceAscending => Comparer<ListingMatch>.Create((a, b) => ByPrice(a, b, ascending: true)),
        ProductSort.PriceDescending => Comparer<ListingMatch>.Create((a, b) => ByPrice(a, b, ascending: false)),
        ProductSort.Newest => Comparer<ListingMatch>.Create((a, b) => NewestFirst(a.Listed, b.Listed)),
        _ => Comparer<ListingMatch>.Create((a, b) => ByName(a.Listed, b.Listed)),
    };

    private static int ByName(ListedProduct a, ListedProduct b) =>
        string.CompareOrdinal(a.NameKey, b.NameKey) is var byName and not 0
            ? byName
            : string.CompareOrdinal(a.Product.Id, b.Product.Id);

    private static int NewestFirst(ListedProduct a, ListedProduct b) =>
        b.Product.CreatedAt.CompareTo(a.Product.CreatedAt) is var byAge and not 0 ? byAge : ByName(a, b);

    /// <summary>Products without a price come last in both directions: they cannot be bought yet.</summary>
    private static int ByPrice(ListingMatch a, ListingMatch b, bool ascending) => (a.Price, b.Price) switch
    {
        (null, null) => ByName(a.Listed, b.Listed),
        (null, _) => 1,
        (_, null) => -1,
        var (x, y) => (ascending ? x.Value.CompareTo(y.Value) : y.Value.CompareTo(x.Value)) is var byPrice and not 0 ? byPrice : ByName(a.Listed, b.Listed),
    };

    private static ProductSummary Summary(ListedProduct listed, decimal? price, string currency)
    {
        var product = listed.Product;
        return new ProductSummary(
            product.Id, product.Name, product.Slug, product.Brand, product.CategoryId,
            price, currency, listed.InStock, listed.Image?.Url, listed.Image?.AltText);
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

    /// <summary>The products in a fixed order as of <see cref="Version"/> of the product set.</summary>
    private sealed record Presort(long Version, ListedProduct[] Products);
}
