using Ecommerce.Catalog.Extensions;
using Ecommerce.Catalog.Model;
using Ecommerce.Catalog.ReadModel;
using Ecommerce.Catalog.Seeding;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ecommerce.Catalog.Tests;

public sealed class CatalogSeedTests
{
    [Fact]
    public void The_demo_catalog_is_the_same_every_time()
    {
        var first = CatalogSeed.Products();
        var second = CatalogSeed.Products();

        Assert.Equal(Json(first), Json(second));
        Assert.Equal(Json(CatalogSeed.Categories()), Json(CatalogSeed.Categories()));
        Assert.Equal(Json(first), Json(CatalogSeed.Products(5_000).Take(first.Count)));
    }

    [Fact]
    public void The_demo_catalog_is_realistic_and_valid()
    {
        var products = CatalogSeed.Products();
        var categories = new CategoryTree(CatalogSeed.Categories());
        var validator = new CreateProductRequestValidator();

        Assert.True(products.Count >= 500);
        Assert.True(categories.Count >= 20);
        Assert.All(products, product => Assert.True(categories.Contains(product.CategoryId)));
        Assert.True(products.Select(product => product.CategoryId).Distinct().Count() >= 20);
        Assert.Equal(products.Count, products.Select(product => product.Slug).Distinct().Count());
        Assert.Equal(products.Sum(product => product.Variants.Count), products.SelectMany(product => product.Variants).Select(variant => variant.Sku).Distinct().Count());
        Assert.True(products.Select(product => product.Brand).Distinct().Count() >= 10);
        Assert.Contains(products, product => product.Status == ProductStatus.Draft);
        Assert.Contains(products, product => product.Status == ProductStatus.Archived);
        Assert.All(products, product =>
        {
            var request = new CreateProductRequest(product.Name, product.Description, product.Brand, product.CategoryId, product.Slug, product.Status, product.Attributes, product.Variants, product.Media);
            Assert.True(validator.Validate(request).IsValid, $"{product.Id} is not a valid product");
        });
    }

    [Fact]
    public async Task Seeding_twice_creates_everything_once()
    {
        var products = new InMemoryProductStore();
        var categories = new InMemoryCategoryStore([]);
        using var readModel = new CatalogReadModel(Options.Create(new CatalogOptions()));
        var seeder = new CatalogSeeder(products, categories, readModel, TimeProvider.System, NullLogger<CatalogSeeder>.Instance);

        await seeder.SeedAsync(CancellationToken.None);
        var afterFirst = (await products.ListIdsAsync(CancellationToken.None)).Count;
        var announcedAfterFirst = products.Announced.Count;
        await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal(CatalogSeed.DefaultProductCount, afterFirst);
        Assert.Equal(afterFirst, (await products.ListIdsAsync(CancellationToken.None)).Count);
        Assert.Equal(announcedAfterFirst, products.Announced.Count);
        Assert.Equal(CatalogSeed.Categories().Count, (await categories.GetAllAsync(CancellationToken.None)).Count);
        Assert.Equal(afterFirst, readModel.ProductCount);
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, Contracts.JsonConventions.Options);
}
