using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecommerce.Inventory.Tests;

/// <summary>
/// The inventory service with its real pipeline and a test identity, but no sidecar: enough for
/// everything decided before a handler touches Dapr (validation, authentication, authorization,
/// the OpenAPI document). What needs the sidecar is tested beside a real one.
/// </summary>
public sealed class InventoryApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private JwksServer _jwks = null!;

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
        builder.UseSetting("APP_ID", "inventory");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Inventory:ImportCatalogStock", "false");
        builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
        // Nothing listens here: a test that reached the sidecar by mistake would fail with a 503.
        builder.UseSetting("DAPR_HTTP_ENDPOINT", LoopbackServer.UnusedAddress().ToString());
        builder.UseSetting("DAPR_GRPC_ENDPOINT", LoopbackServer.UnusedAddress().ToString());
    }
}
