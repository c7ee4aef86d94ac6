using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ecommerce.Gateway.Benchmarks;

/// <summary>
/// What is measured, as production runs it: catalog and the gateway, each a process of its own from
/// its Release build output, beside its DaprLocal sidecar, both sidecars hosted by DaprLocal's
/// multi-app runner (a third process, as <c>./run.sh</c> starts it). Catalog's sidecar has a SQLite
/// catalog-store with the outbox and in-memory pub/sub, as the embedded profile; both have the
/// repository's <c>components/embedded/resiliency.yaml</c> (its timeouts and breakers). One active
/// product with three SKUs. Only the JWKS stand-in for identity runs in this process.
/// </summary>
internal sealed class BenchmarkSystem : IAsyncDisposable
{
    private const string BuildOutput = "bin/Release/net10.0";
    private static readonly string[] Sizes = ["41", "42", "43"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("gateway-bench-").FullName;
    private BenchmarkIdentity? _identity;
    private DaprLocalRunner? _runner;

    private BenchmarkSystem()
    {
    }

    public Uri CatalogAddress { get; private set; } = null!;

    public Uri GatewayAddress { get; private set; } = null!;

    /// <summary>The gateway's sidecar: invoking catalog here is the gateway's path without the gateway.</summary>
    public Uri GatewaySidecarAddress { get; private set; } = null!;

    public string ProductId { get; private set; } = null!;

    /// <summary>DaprLocal's runner: both sidecars live in it, and it starts catalog and the gateway.</summary>
    public int RunnerId => _runner!.ProcessId;

    public static async Task<BenchmarkSystem> StartAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var system = new BenchmarkSystem();
        try
        {
            await system.StartCoreAsync(repositoryRoot, cancellationToken);
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
        // The runner first: it stops the apps, then the sidecars, which close the SQLite file.
        if (_runner is not null)
        {
            await _runner.DisposeAsync();
        }
        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {_directory}: {error.Message}");
        }
    }

    private async Task StartCoreAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var runnerAssembly = BuildOutputOf(repositoryRoot, "tools/DaprLocal", "Ecommerce.DaprLocal.dll");
        var catalogAssembly = BuildOutputOf(repositoryRoot, "services/Catalog", "Ecommerce.Catalog.dll");
        var gatewayAssembly = BuildOutputOf(repositoryRoot, "services/Gateway", "Ecommerce.Gateway.dll");
        _identity = await BenchmarkIdentity.StartAsync();

        // Sidecars find each other through a directory on disk: one of our own, so that a running
        // ./run.sh (whose catalog has the same app id) is never measured instead of ours.
        var names = Directory.CreateDirectory(Path.Combine(_directory, "names")).FullName;
        var resources = Directory.CreateDirectory(Path.Combine(_directory, "resources")).FullName;
        await File.WriteAllTextAsync(Path.Combine(resources, "components.yaml"), $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: catalog-store
            spec:
              type: state.sqlite
              version: v1
              metadata:
                - name: connectionString
                  value: {Yaml(Path.Combine(resources, "catalog.db"))}
                - name: outboxPublishPubsub
                  value: events
                - name: outboxPublishTopic
                  value: catalog.product-changed
            scopes:
              - catalog
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: events
            spec:
              type: pubsub.in-memory
              version: v1
              metadata: []
            scopes:
              - catalog
            """, cancellationToken);
        File.Copy(Path.Combine(repositoryRoot, "components", "embedded", "resiliency.yaml"), Path.Combine(resources, "resiliency.yaml"));

        var ports = new HashSet<int>();
        var catalog = new App("catalog", catalogAssembly, NextPort(ports), NextPort(ports), NextPort(ports));
        var gateway = new App("gateway", gatewayAssembly, NextPort(ports), NextPort(ports), NextPort(ports));
        var runFile = Path.Combine(_directory, "dapr.yaml");
        await File.WriteAllTextAsync(runFile, RunFile(_identity.JwksUrl, catalog, gateway), cancellationToken);

        _runner = DaprLocalRunner.Start(DotnetHost(), runnerAssembly, runFile, resources, names);
        await WaitUntilReadyAsync(
            [
                ("catalog's sidecar", catalog.SidecarHealth, HttpStatusCode.NoContent),
                ("the gateway's sidecar", gateway.SidecarHealth, HttpStatusCode.NoContent),
                ("catalog", catalog.Health, HttpStatusCode.OK),
                ("the gateway", gateway.Health, HttpStatusCode.OK),
            ],
            cancellationToken);
        CatalogAddress = catalog.Address;
        GatewayAddress = gateway.Address;
        GatewaySidecarAddress = gateway.SidecarAddress;

        ProductId = await CreateProductAsync(_identity.AdminToken(), cancellationToken);
    }

    /// <summary>
    /// The multi-app run file, as the repository's <c>dapr.yaml</c>: each app its Release build output
    /// under <c>dotnet</c>, run from its output folder (the content root, where appsettings.json is).
    /// </summary>
    private static string RunFile(Uri jwksUrl, App catalog, App gateway)
    {
        var file = new StringBuilder($"""
            version: 1
            common:
              logLevel: warn
              env:
                ASPNETCORE_ENVIRONMENT: Production
                Jwt__JwksUrl: {Yaml(jwksUrl.ToString())}
                # Request logs would measure the console, not the services.
                Serilog__MinimumLevel__Default: Warning
            apps:

            """);
        foreach (var app in new[] { catalog, gateway })
        {
            file.Append(CultureInfo.InvariantCulture, $"""
                  - appID: {app.Id}
                    appDirPath: {Yaml(Path.GetDirectoryName(app.Assembly)!)}
                    appPort: {app.Port}
                    daprHTTPPort: {app.SidecarHttpPort}
                    daprGRPCPort: {app.SidecarGrpcPort}
                    command: [{Yaml(DotnetHost())}, {Yaml(app.Assembly)}, "--urls", {Yaml(app.Address.ToString().TrimEnd('/'))}]
                    env:

                """);
            var env = app == catalog
                ? new Dictionary<string, string> { ["Catalog__SeedOnStart"] = "false" }
                : new Dictionary<string, string>
                {
                    // The general limit is per client address, and every benchmark request comes from one.
                    ["Gateway__RateLimits__General__TokenLimit"] = "1000000000",
                    ["Gateway__RateLimits__General__TokensPerPeriod"] = "1000000000",
                };
            foreach (var (name, value) in env)
            {
                file.Append(CultureInfo.InvariantCulture, $"      {name}: {Yaml(value)}\n");
            }
        }
        return file.ToString();
    }

    /// <summary>Polls each address until it answers as expected, in order, within <see cref="StartTimeout"/> in all.</summary>
    private async Task WaitUntilReadyAsync(IEnumerable<(string What, Uri Address, HttpStatusCode Expected)> probes, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.StartNew();
        foreach (var (what, address, expected) in probes)
        {
            var last = "no answer";
            while (true)
            {
                if (_runner!.HasExited)
                {
                    throw new InvalidOperationException(
                        $"DaprLocal's runner exited (code {_runner.ExitCode}) before {what} was ready. Its last output:{Environment.NewLine}{_runner.Tail()}");
                }
                try
                {
                    using var response = await http.GetAsync(address, cancellationToken);
                    if (response.StatusCode == expected)
                    {
                        break;
                    }
                    last = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                }
                catch (HttpRequestException error)
                {
                    last = error.Message;
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    last = "no answer within 2 s";
                }
                if (started.Elapsed > StartTimeout)
                {
                    throw new InvalidOperationException(
                        $"{what} was not ready within {StartTimeout.TotalSeconds:0} s: GET {address} wants {(int)expected}, last: {last}. "
                        + $"DaprLocal's runner's last output:{Environment.NewLine}{_runner.Tail()}");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    private async Task<string> CreateProductAsync(string adminToken, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = CatalogAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        (await http.PostAsJsonAsync("api/catalog/categories", new { id = "shoes", name = "Shoes" }, cancellationToken)).EnsureSuccessStatusCode();
        var created = await http.PostAsJsonAsync("api/catalog/products", new
        {
            name = "Trail Runner 2",
            description = "A light trail running shoe with a rock plate and a grippy outsole.",
            brand = "Northwind",
            categoryId = "shoes",
            status = "active",
            attributes = new Dictionary<string, string> { ["material"] = "mesh", ["drop"] = "6 mm" },
            variants = Sizes.Select(size => new { sku = $"TR2-BLUE-{size}", options = new Dictionary<string, string> { ["size"] = size, ["colour"] = "blue" }, weightGrams = 640 }),
        }, cancellationToken);
        created.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("id").GetString()!;
    }

    private static string BuildOutputOf(string repositoryRoot, string project, string assembly)
    {
        var path = Path.GetFullPath(Path.Combine(repositoryRoot, project, BuildOutput, assembly));
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} not found: build with `dotnet build benchmarks/Gateway.Benchmarks -c Release` (it builds what it launches).");
    }

    /// <summary>The <c>dotnet</c> running this program, else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    private static int NextPort(HashSet<int> taken)
    {
        while (true)
        {
            var port = FreePort.Next();
            if (taken.Add(port))
            {
                return port;
            }
        }
    }

    /// <summary>A YAML double-quoted scalar (JSON's string syntax is YAML's).</summary>
    private static string Yaml(string value) => JsonSerializer.Serialize(value);

    private sealed record App(string Id, string Assembly, int Port, int SidecarHttpPort, int SidecarGrpcPort)
    {
        public Uri Address => new($"http://127.0.0.1:{Port}/");

        public Uri Health => new(Address, "healthz");

        public Uri SidecarAddress => new($"http://127.0.0.1:{SidecarHttpPort}/");

        public Uri SidecarHealth => new(SidecarAddress, "v1.0/healthz");
    }
}
