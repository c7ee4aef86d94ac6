using System.Net.Http.Headers;
using Ecommerce.Contracts;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>
/// One gateway test's world, in its own <see cref="SharedRuntime"/> (so that the fixed app ids never
/// meet another test's): the gateway on Kestrel beside its DaprLocal sidecar (app id <c>gateway</c>,
/// with <see cref="GatewayResiliency"/>), optionally the real catalog beside its sidecar (SQLite state,
/// in-memory pub/sub), stand-ins for other services, and a test identity whose JWKS both trust.
/// </summary>
internal sealed class GatewayEnvironment : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly Dictionary<string, StandInApp> _standIns = new(StringComparer.Ordinal);

    private GatewayEnvironment()
    {
        NameDirectory.UseOwn();
        Shared = new SharedRuntime();
    }

    public SharedRuntime Shared { get; }

    public JwksServer Jwks { get; private set; } = null!;

    public Uri GatewayAddress { get; private set; } = null!;

    public CatalogOnKestrel? Catalog { get; private set; }

    public StandInApp StandIn(string appId) => _standIns[appId];

    /// <param name="realCatalog">Run the real catalog service under app id <c>catalog</c>.</param>
    /// <param name="standIns">App ids to run stand-ins under (not <c>catalog</c> when the real one runs).</param>
    /// <param name="settings">Gateway configuration on top of the test defaults.</param>
    public static async Task<GatewayEnvironment> StartAsync(bool realCatalog = false, string[]? standIns = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new GatewayEnvironment();
        try
        {
            await environment.StartCoreAsync(realCatalog, standIns ?? [], settings ?? new Dictionary<string, string>());
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the gateway, with a token for this subject and these roles when given.</summary>
    public HttpClient Client(string? role = null, string subject = "user-1") =>
        ClientWithToken(role is null ? null : Jwks.Identity.IssueToken(subject, roles: [role]));

    public HttpClient ClientWithToken(string? token)
    {
        // The services run in this process, so their telemetry listens here too: without this, the
        // test's own client would start a trace and add a traceparent of its own to what a test sends.
        var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null })
        {
            BaseAddress = GatewayAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public async Task StopStandInAsync(string appId)
    {
        await _standIns[appId].DisposeAsync();
        _owned.Remove(_standIns[appId]);
        _standIns.Remove(appId);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in Enumerable.Reverse(_owned))
        {
            await part.DisposeAsync();
        }
        Shared.Dispose();
    }

    private async Task StartCoreAsync(bool realCatalog, string[] standIns, IReadOnlyDictionary<string, string> settings)
    {
        Jwks = Own(await JwksServer.StartAsync());
        foreach (var appId in standIns)
        {
            _standIns[appId] = Own(await StandInApp.StartAsync(appId, Shared));
        }
        if (realCatalog)
        {
            var catalogPort = TestSidecar.FreePort();
            var catalogSidecar = Own(await TestSidecar.StartAsync(CatalogOnKestrel.SidecarResources, appId: AppIds.Catalog, appPort: catalogPort, shared: Shared, waitUntilReady: false));
            Catalog = Own(new CatalogOnKestrel(catalogPort, catalogSidecar, Jwks));
            Catalog.StartServer();
            await catalogSidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        var gatewayPort = TestSidecar.FreePort();
        var appIds = new[] { AppIds.Catalog, AppIds.Pricing, AppIds.Inventory, AppIds.Cart, AppIds.Identity };
        var gatewaySidecar = Own(await TestSidecar.StartAsync(GatewayResiliency.Yaml(appIds), appId: AppIds.Gateway, appPort: gatewayPort, shared: Shared, waitUntilReady: false));
        var gateway = Own(new GatewayOnKestrel(gatewayPort, gatewaySidecar.HttpEndpoint, Jwks, settings));
        gateway.StartServer();
        GatewayAddress = new Uri($"http://127.0.0.1:{gatewayPort}/");
        await gatewaySidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private T Own<T>(T part)
        where T : IAsyncDisposable
    {
        _owned.Add(part);
        return part;
    }
}
