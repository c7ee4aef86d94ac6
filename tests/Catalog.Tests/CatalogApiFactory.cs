using Ecommerce.Catalog.Infrastructure;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Catalog.Tests;

/// <summary>The catalog service with its real pipeline, a test identity, and products kept in memory.</summary>
public sealed class CatalogApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private JwksServer _jwks = null!;

    internal InMemoryProductStore Store { get; } = new();

    public TestIdentity Identity => _jwks.Identity;

    public async Task InitializeAsync() => _jwks = await JwksServer.StartAsync();

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
        builder.ConfigureTestServices(services => services.AddSingleton<IProductStore>(Store));
    }
}
