using System.Net.Http.Headers;
using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Pricing.Tests.Api;

/// <summary>The pricing service with its real pipeline, a test identity, and everything stored in memory.</summary>
public sealed class PricingApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private JwksServer _jwks = null!;

    internal InMemoryPriceStore Prices { get; } = new();

    internal InMemoryCouponUsageStore CouponUsage { get; } = new();

    public TestIdentity Identity => _jwks.Identity;

    public async Task InitializeAsync() => _jwks = await JwksServer.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _jwks.DisposeAsync();
    }

    /// <summary>A client carrying a token with these roles (none: no token at all).</summary>
    public HttpClient ClientAs(string? role, string subject = "admin-1")
    {
        var client = CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Identity.IssueToken(subject, roles: [role]));
        }
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", "pricing");
        builder.UseSetting("Pricing:ImportCatalogPrices", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IPriceStore>(Prices);
            services.AddSingleton<ICouponUsageStore>(CouponUsage);
            services.AddSingleton<IDefinitionStore<Discount>>(new InMemoryDefinitionStore<Discount>());
            services.AddSingleton<IDefinitionStore<Coupon>>(new InMemoryDefinitionStore<Coupon>());
            services.AddSingleton<IDefinitionStore<Promotion>>(new InMemoryDefinitionStore<Promotion>());
            services.AddSingleton<IDefinitionStore<TaxRule>>(new InMemoryDefinitionStore<TaxRule>());
        });
    }
}
