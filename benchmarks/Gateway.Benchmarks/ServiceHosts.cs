extern alias CatalogService;
extern alias GatewayService;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecommerce.Gateway.Benchmarks;

/// <summary>
/// A service's own Program on Kestrel at <paramref name="port"/>, from its project folder
/// <paramref name="contentRoot"/> (appsettings.json), configured as DaprLocal's runner would (plus <paramref name="settings"/>).
/// </summary>
internal class ServiceHost<TProgram>(int port, string contentRoot, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public void Start()
    {
        UseKestrel(port);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(contentRoot);
        builder.UseEnvironment("Production");
        // Request logs would measure the console, not the gateway.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

internal sealed class CatalogHost(int port, string repositoryRoot, IReadOnlyDictionary<string, string> settings)
    : ServiceHost<CatalogService::Program>(port, Path.Combine(repositoryRoot, "services", "Catalog"), settings);

internal sealed class GatewayHost(int port, string repositoryRoot, IReadOnlyDictionary<string, string> settings)
    : ServiceHost<GatewayService::Program>(port, Path.Combine(repositoryRoot, "services", "Gateway"), settings);
