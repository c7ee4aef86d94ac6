using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>The gateway in front of the real catalog (and stand-in pricing and inventory), shared by the tests of one class.</summary>
public sealed class CatalogFixture : IAsyncLifetime
{
    internal GatewayEnvironment Environment { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Environment = await GatewayEnvironment.StartAsync(realCatalog: true, standIns: [Contracts.AppIds.Pricing, Contracts.AppIds.Inventory]);

    public async Task DisposeAsync() => await Environment.DisposeAsync();

    /// <summary>Creates an active product with these SKUs in a fresh category, through the gateway as an admin.</summary>
    internal async Task<(string Id, string CategoryId)> CreateProductAsync(params string[] skus)
    {
        using var admin = Environment.Client("admin", "admin-1");
        var categoryId = $"cat-{Guid.NewGuid():N}"[..16];
        var category = await admin.PostAsJsonAsync("api/catalog/categories", new { id = categoryId, name = categoryId });
        Assert.Equal(HttpStatusCode.Created, category.StatusCode);
        var created = await admin.PostAsJsonAsync("api/catalog/products", new
        {
            name = "Trail Runner",
            slug = $"trail-runner-{Guid.NewGuid():N}",
            description = "Runs trails.",
            brand = "Acme",
            categoryId,
            status = "active",
            variants = skus.Select(sku => new { sku, options = new Dictionary<string, string> { ["size"] = sku[^2..] }, weightGrams = 700 }).ToArray(),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        return (id, categoryId);
    }
}

/// <summary>The test classes that share one <see cref="CatalogFixture"/> (started once: the real catalog takes a moment).</summary>
[CollectionDefinition(Name)]
public sealed class WithRealCatalog : ICollectionFixture<CatalogFixture>
{
    public const string Name = "gateway in front of the real catalog";
}
