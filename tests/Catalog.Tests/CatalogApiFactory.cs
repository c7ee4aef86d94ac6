using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.Model;
using Ecommerce.Catalog.ReadModel;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Catalog.Tests;

/// <summary>
/// The catalog service with its real pipeline, a test identity, and products, categories and SKU
/// facts kept in memory (two categories to start with: <c>shoes</c> and its child <c>trail-shoes</c>).
/// No seeding, so each test sees only what it creates.
/// </summary>
public sealed class CatalogApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private JwksServer _jwks = null!;

    internal InMemoryProductStore Store { get; } = new();

    internal InMemoryCategoryStore Categories { get; } = new([new Category("shoes", "Shoes", null), new Category("trail-shoes", "Trail shoes", "shoes")]);

    internal InMemorySkuFactsStore SkuFacts { get; } = new();

    public TestIdentity Identity => _jwks.Identity;

    public async Task InitializeAsync()
    {
        _jwks = await JwksServer.StartAsync();
        var readModel = Services.GetRequiredService<CatalogReadModel>();
        await Eventually.TrueAsync(() => readModel.IsLoaded, TimeSpan.FromSeconds(10), "the read model loads from the in-memory stores");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _jwks.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", "catalog");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
        builder.UseSetting("Catalog:SeedOnStart", "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IProductStore>(Store);
            services.AddSingleton<ICategoryStore>(Categories);
            services.AddSingleton<ISkuFactsStore>(SkuFacts);
        });
    }
}
