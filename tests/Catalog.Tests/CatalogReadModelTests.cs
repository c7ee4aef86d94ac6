using Ecommerce.Catalog.Extensions;
using Ecommerce.Catalog.Model;
using Ecommerce.Catalog.ReadModel;
using Microsoft.Extensions.Options;

namespace Ecommerce.Catalog.Tests;

public sealed class CatalogReadModelTests : IDisposable
{
    private readonly CatalogReadModel _model = new(Options.Create(new CatalogOptions { DefaultCurrency = "EUR" }));

    public CatalogReadModelTests()
    {
        _model.ReplaceCategories(
        [
            new Category("shoes", "Shoes", null),
            new Category("trail-shoes", "Trail shoes", "shoes"),
            new Category("fell-shoes", "Fell shoes", "trail-shoes"),
            new Category("kitchen", "Kitchen", null),
        ]);
        _model.Apply(Product("p1", "Trail Runner", "Northwind", "trail-shoes", ProductStatus.Active, ("S1", "blue", "42"), ("S2", "red", "44")));
        _model.Apply(Product("p2", "Fell Racer", "Contoso", "fell-shoes", ProductStatus.Active, ("S3", "blue", "40")));
        _model.Apply(Product("p3", "Road Runner", "Northwind", "shoes", ProductStatus.Active, ("S4", "black", "42")));
        _model.Apply(Product("p4", "Electric Kettle", "Fabrikam", "kitchen", ProductStatus.Active, ("S5", "white", "1.7 l")));
        _model.Apply(Product("p5", "Draft Runner", "Northwind", "shoes", ProductStatus.Draft, ("S6", "blue", "42")));
        _model.Apply(Product("p6", "Old Runner", "Northwind", "shoes", ProductStatus.Archived, ("S7", "blue", "42")));
        Price("S1", 120m);
        Price("S2", 110m);
        Price("S3", 90m);
        Price("S4", 150m);
        Stock("S1", 0);
        Stock("S2", 3);
        Stock("S3", 0);
        Stock("S5", 12);
        _model.MarkLoaded();
    }

    [Fact]
    public void Only_active_products_are_listed()
    {
        Assert.Equal(["p4", "p2", "p3", "p1"], Ids(new ProductQuery()));
    }

    [Fact]
    public void A_category_includes_its_descendants()
    {
        Assert.Equal(["p2", "p3", "p1"], Ids(new ProductQuery { Category = "shoes" }));
        Assert.Equal(["p2", "p1"], Ids(new ProductQuery { Category = "trail-shoes" }));
        Assert.Empty(Ids(new ProductQuery { Category = "no-such-category" }));
    }

    [Fact]
    public void Brands_filter_regardless_of_case()
    {
        Assert.Equal(["p3", "p1"], Ids(new ProductQuery { Brands = ["northwind"] }));
        Assert.Equal(["p2", "p3", "p1"], Ids(new ProductQuery { Brands = ["Northwind", "Contoso"] }));
    }

    [Fact]
    public void A_price_range_uses_the_cheapest_variant_and_leaves_out_unpriced_products()
    {
        Assert.Equal(["p2", "p1"], Ids(new ProductQuery { MinPrice = 90, MaxPrice = 115 }));
        Assert.Equal(["p3"], Ids(new ProductQuery { MinPrice = 140 }));
    }

    [Fact]
    public void Prices_are_per_currency()
    {
        _model.ApplyPrices("S4", SkuPrices.None.With("USD", new SkuPrice(160m, null, 1)));

        var page = _model.Query(new ProductQuery { Currency = "USD", MinPrice = 1 });

        var only = Assert.Single(page.Items);
        Assert.Equal(("p3", 160m, "USD"), (only.Id, only.PriceFrom!.Value, only.Currency));
    }

    [Fact]
    public void In_stock_means_some_variant_is_available()
    {
        Assert.Equal(["p4", "p1"], Ids(new ProductQuery { InStock = true }));
        Assert.Equal(["p2", "p3"], Ids(new ProductQuery { InStock = false }));
    }

    [Fact]
    public void Attributes_match_product_attributes_and_variant_options()
    {
        Assert.Equal(["p2", "p1"], Ids(new ProductQuery { Attributes = ["colour:Blue"] }));
        Assert.Equal(["p1"], Ids(new ProductQuery { Attributes = ["colour:blue", "size:42"] }));
        Assert.Equal(["p3", "p1"], Ids(new ProductQuery { Attributes = ["material:mesh"], Brands = ["Northwind"] }));
    }

    [Fact]
    public void Sorts_by_price_both_ways_with_unpriced_products_last()
    {
        Assert.Equal(["p2", "p1", "p3", "p4"], Ids(new ProductQuery { Sort = "priceAscending" }));
        Assert.Equal(["p3", "p1", "p2", "p4"], Ids(new ProductQuery { Sort = "priceDescending" }));
    }

    [Fact]
    public void Sorts_newest_first()
    {
        Assert.Equal(["p4", "p3", "p2", "p1"], Ids(new ProductQuery { Sort = "newest" }));
    }

    [Fact]
    public void Pages_are_slices_of_the_whole_ordered_result_with_its_total()
    {
        var second = _model.Query(new ProductQuery { Page = 2, PageSize = 3 });

        Assert.Equal(4, second.TotalCount);
        Assert.Equal(["p1"], second.Items.Select(item => item.Id));
        Assert.Empty(_model.Query(new ProductQuery { Page = 3, PageSize = 3 }).Items);
    }

    [Fact]
    public void Search_ranks_the_best_match_first_and_combines_with_filters()
    {
        Assert.Equal(["p3", "p1"], Ids(new ProductQuery { Text = "runner" }));
        Assert.Equal(["p1"], Ids(new ProductQuery { Text = "runer", InStock = true }));
        Assert.Equal(["p1", "p2"], Ids(new ProductQuery { Text = "trail shoes" }));
    }

    [Fact]
    public void Facets_count_the_whole_result()
    {
        var page = _model.Query(new ProductQuery { Category = "shoes", PageSize = 1 });

        Assert.Equal([new FacetCount("Northwind", 2), new FacetCount("Contoso", 1)], page.Brands);
        Assert.Equal(3, page.Categories.Sum(facet => facet.Count));
    }

    [Fact]
    public void The_highest_revision_wins_whatever_the_order()
    {
        Assert.True(_model.Apply(Product("p3", "Road Runner 2", "Northwind", "shoes", ProductStatus.Active, revision: 3, ("S4", "black", "42"))));
        Assert.False(_model.Apply(Product("p3", "Road Runner old", "Northwind", "shoes", ProductStatus.Active, revision: 2, ("S4", "black", "42"))));
        Price("S4", 80m, revision: 2);
        Price("S4", 200m, revision: 1);
        Stock("S4", 5, revision: 2);
        Stock("S4", 0, revision: 1);

        var item = Assert.Single(_model.Query(new ProductQuery { Text = "road" }).Items);

        Assert.Equal(("Road Runner 2", 80m, true), (item.Name, item.PriceFrom!.Value, item.InStock));
    }

    [Fact]
    public void An_archived_product_leaves_the_listing()
    {
        _model.Apply(Product("p1", "Trail Runner", "Northwind", "trail-shoes", ProductStatus.Archived, revision: 2, ("S1", "blue", "42")));

        Assert.DoesNotContain("p1", Ids(new ProductQuery()));
        Assert.Empty(Ids(new ProductQuery { Text = "trail runner" }));
    }

    public void Dispose() => _model.Dispose();

    private List<string> Ids(ProductQuery query) => [.. _model.Query(query with { PageSize = 100 }).Items.Select(item => item.Id)];

    private void Price(string sku, decimal amount, long revision = 1) =>
        _model.ApplyPrices(sku, SkuPrices.None.With("EUR", new SkuPrice(amount, null, revision)));

    private void Stock(string sku, int available, long revision = 1) => _model.ApplyStock(sku, new SkuStock(available, available, revision));

    private static Product Product(string id, string name, string brand, string category, ProductStatus status, params (string Sku, string Colour, string Size)[] variants) =>
        Product(id, name, brand, category, status, 1, variants);

    private static Product Product(string id, string name, string brand, string category, ProductStatus status, long revision, params (string Sku, string Colour, string Size)[] variants)
    {
        var created = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture));
        return new Product(
            id, name, Model.Slugs.FromName(name), $"{name} description", brand, category,
            new Dictionary<string, string> { ["material"] = category == "kitchen" ? "steel" : "mesh" },
            [.. variants.Select(variant => new ProductVariant(variant.Sku, new Dictionary<string, string> { ["colour"] = variant.Colour, ["size"] = variant.Size }, 300))],
            [new ProductMedia(new Uri($"https://images.example.com/{id}.jpg"), name, 1)],
            status, revision, created, created);
    }
}
