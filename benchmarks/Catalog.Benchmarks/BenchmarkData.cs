using Ecommerce.Catalog.Extensions;
using Ecommerce.Catalog.Model;
using Ecommerce.Catalog.ReadModel;
using Ecommerce.Catalog.Seeding;
using Microsoft.Extensions.Options;

namespace Ecommerce.Catalog.Benchmarks;

/// <summary>
/// The measured data: the demo catalog generated at 50,000 products, a price in EUR and a stock
/// level for every SKU (fixed random seed), loaded into the read model and kept as plain lists for the baseline.
/// </summary>
internal sealed class BenchmarkData
{
    private BenchmarkData(IReadOnlyList<Product> products, IReadOnlyList<Category> categories, Dictionary<string, (decimal Price, int Available)> skus, CatalogReadModel readModel)
    {
        Products = products;
        Categories = categories;
        Skus = skus;
        ReadModel = readModel;
    }

    public IReadOnlyList<Product> Products { get; }

    public IReadOnlyList<Category> Categories { get; }

    public Dictionary<string, (decimal Price, int Available)> Skus { get; }

    public CatalogReadModel ReadModel { get; }

    public static BenchmarkData Create(int productCount)
    {
        var products = CatalogSeed.Products(productCount);
        var categories = CatalogSeed.Categories();
        var random = new Random(42);
        var skus = products.SelectMany(product => product.Variants)
            .ToDictionary(variant => variant.Sku, _ => (Math.Round((decimal)(random.NextDouble() * 300) + 5, 2), random.Next(-5, 20)));

        var readModel = new CatalogReadModel(Options.Create(new CatalogOptions { DefaultCurrency = "EUR" }));
        readModel.ReplaceCategories(categories);
        foreach (var product in products)
        {
            readModel.Apply(product);
        }
        foreach (var (sku, (price, available)) in skus)
        {
            readModel.ApplyPrices(sku, SkuPrices.None.With("EUR", new SkuPrice(price, null, 1)));
            readModel.ApplyStock(sku, new SkuStock(Math.Max(available, 0), Math.Max(available, 0), 1));
        }
        readModel.MarkLoaded();
        return new BenchmarkData(products, categories, skus, readModel);
    }
}
