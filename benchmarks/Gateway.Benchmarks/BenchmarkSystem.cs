using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.DaprLocal.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.Gateway.Benchmarks;

/// <summary>
/// What is measured, all in this process: catalog on Kestrel beside its DaprLocal sidecar (SQLite
/// catalog-store with the outbox, in-memory pub/sub, as the embedded profile), the gateway beside its
/// own sidecar with the repository's <c>components/embedded/resiliency.yaml</c> (its timeouts and
/// breakers), and one active product with three SKUs.
/// </summary>
internal sealed class BenchmarkSystem : IAsyncDisposable
{
    private static readonly string[] Sizes = ["41", "42", "43"];

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<string> _directories = [];

    public Uri CatalogAddress { get; private set; } = null!;

    public Uri GatewayAddress { get; private set; } = null!;

    /// <summary>The gateway's sidecar: invoking catalog here is the gateway's path without the gateway.</summary>
    public Uri GatewaySidecarAddress { get; private set; } = null!;

    public string ProductId { get; private set; } = null!;

    public static async Task<BenchmarkSystem> StartAsync(string repositoryRoot)
    {
        var system = new BenchmarkSystem();
        try
        {
            await system.StartCoreAsync(repositoryRoot);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in Enumerable.Reverse(_owned))
        {
            await part.DisposeAsync();
        }
        foreach (var directory in _directories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task StartCoreAsync(string repositoryRoot)
    {
        // Sidecars find each other through a directory on disk: one of our own, so that a running
        // ./run.sh (whose catalog has the same app id) is never measured instead of ours.
        var names = Temporary("gateway-bench-names-");
        Environment.SetEnvironmentVariable("DAPRLOCAL_DIRECTORY", names);
        var shared = new SharedRuntime();
        var identity = Own(await BenchmarkIdentity.StartAsync());
        var resiliency = await File.ReadAllTextAsync(Path.Combine(repositoryRoot, "components", "embedded", "resiliency.yaml"));

        var catalogPort = FreePort.Next();
        var catalogResources = Temporary("gateway-bench-catalog-");
        await File.WriteAllTextAsync(Path.Combine(catalogResources, "components.yaml"), $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: catalog-store
            spec:
              type: state.sqlite
              version: v1
              metadata:
                - name: connectionString
                  value: "{Path.Combine(catalogResources, "catalog.db")}"
                - name: outboxPublishPubsub
                  value: events
                - name: outboxPublishTopic
                  value: catalog.product-changed
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: events
            spec:
              type: pubsub.in-memory
              version: v1
              metadata: []
            """);
        await File.WriteAllTextAsync(Path.Combine(catalogResources, "resiliency.yaml"), resiliency);
        var catalogSidecar = Own(await StartSidecarAsync("catalog", catalogPort, catalogResources, shared));
        var catalog = Own(new CatalogHost(catalogPort, repositoryRoot, ServiceSettings("catalog", catalogSidecar, identity, new() { ["Catalog:SeedOnStart"] = "false" })));
        catalog.Start();
        await catalogSidecar.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(60));
        CatalogAddress = new Uri($"http://127.0.0.1:{catalogPort}/");

        var gatewayPort = FreePort.Next();
        var gatewayResources = Temporary("gateway-bench-gateway-");
        await File.WriteAllTextAsync(Path.Combine(gatewayResources, "resiliency.yaml"), resiliency);
        var gatewaySidecar = Own(await StartSidecarAsync("gateway", gatewayPort, gatewayResources, shared));
        var gateway = Own(new GatewayHost(gatewayPort, repositoryRoot, ServiceSettings("gateway", gatewaySidecar, identity, new()
        {
            // The general limit is per client address, and every benchmark request comes from one.
            ["Gateway:RateLimits:General:TokenLimit"] = "1000000000",
            ["Gateway:RateLimits:General:TokensPerPeriod"] = "1000000000",
        })));
        gateway.Start();
        await gatewaySidecar.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(60));
        GatewayAddress = new Uri($"http://127.0.0.1:{gatewayPort}/");
        GatewaySidecarAddress = new Uri($"http://127.0.0.1:{gatewaySidecar.Options.HttpPort}/");

        ProductId = await CreateProductAsync(identity.AdminToken());
    }

    private async Task<string> CreateProductAsync(string adminToken)
    {
        using var http = new HttpClient { BaseAddress = CatalogAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        (await http.PostAsJsonAsync("api/catalog/categories", new { id = "shoes", name = "Shoes" })).EnsureSuccessStatusCode();
        var created = await http.PostAsJsonAsync("api/catalog/products", new
        {
            name = "Trail Runner 2",
            description = "A light trail running shoe with a rock plate and a grippy outsole.",
            brand = "Northwind",
            categoryId = "shoes",
            status = "active",
            attributes = new Dictionary<string, string> { ["material"] = "mesh", ["drop"] = "6 mm" },
            variants = Sizes.Select(size => new { sku = $"TR2-BLUE-{size}", options = new Dictionary<string, string> { ["size"] = size, ["colour"] = "blue" }, weightGrams = 640 }),
        });
        created.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<SidecarHost> StartSidecarAsync(string appId, int appPort, string resources, SharedRuntime shared) =>
        await SidecarHost.StartAsync(
            new SidecarOptions
            {
                AppId = appId,
                AppPort = appPort,
                HttpPort = FreePort.Next(),
                GrpcPort = FreePort.Next(),
                ResourcesPaths = [resources],
                LogLevel = "warn",
            },
            shared,
            NullLoggerProvider.Instance,
            CancellationToken.None);

    private static Dictionary<string, string> ServiceSettings(string appId, SidecarHost sidecar, BenchmarkIdentity identity, Dictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["APP_ID"] = appId,
            ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{sidecar.Options.HttpPort}",
            ["DAPR_GRPC_ENDPOINT"] = $"http://127.0.0.1:{sidecar.Options.GrpcPort}",
            ["Jwt:JwksUrl"] = identity.JwksUrl.ToString(),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    private string Temporary(string prefix)
    {
        var directory = Directory.CreateTempSubdirectory(prefix).FullName;
        _directories.Add(directory);
        return directory;
    }

    private T Own<T>(T part)
        where T : IAsyncDisposable
    {
        _owned.Add(part);
        return part;
    }
}
