using System.Net.Http.Headers;
using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Tests.Fakes;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Cart.Tests.Api;

/// <summary>The cart service with its real pipeline, a test identity, a hand-moved clock, and everything else in memory.</summary>
public sealed class CartApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private JwksServer _jwks = null!;

    internal InMemoryCartStore Carts { get; } = new();

    internal InMemoryCartIndex Index { get; } = new();

    internal RecordingCartEvents Events { get; } = new();

    internal FakeDependencies Dependencies { get; } = new();

    internal ManualClock Clock { get; } = new();

    public async Task InitializeAsync() => _jwks = await JwksServer.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _jwks.DisposeAsync();
    }

    /// <summary>A client carrying a token for <paramref name="subject"/> with this role (none: no token at all).</summary>
    public HttpClient ClientAs(string? role, string subject = "customer-1")
    {
        var client = CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _jwks.Identity.IssueToken(subject, roles: [role]));
        }
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", "cart");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
        builder.UseSetting("Cart:AbandonAfter", "02:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ICartStore>(Carts);
            services.AddSingleton<IWishlistStore>(new InMemoryWishlistStore());
            services.AddSingleton<ICartIndex>(Index);
            services.AddSingleton<ICartEvents>(Events);
            services.AddSingleton<ICatalogClient>(Dependencies);
            services.AddSingleton<IPricingClient>(Dependencies);
            services.AddSingleton<IInventoryClient>(Dependencies);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
