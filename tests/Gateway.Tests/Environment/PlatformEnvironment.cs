using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ecommerce.Contracts;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>
/// The platform as deployed, minus the services a test does not need: the real identity, catalog and
/// gateway, each on Kestrel beside its own DaprLocal sidecar under its production app id, in a
/// <see cref="SharedRuntime"/> of its own. No test identity and no <c>Jwt:JwksUrl</c>: every service
/// validates tokens against the identity service's JWKS read through its own sidecar, as in production.
/// Identity has a SQLite <c>identity-store</c>, a <c>secretstores.local.file</c> <c>secrets</c> with a
/// fresh signing key, data key and admin password, and in-memory <c>events</c> and <c>tasks</c>.
/// </summary>
internal sealed class PlatformEnvironment : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private string? _secretsDirectory;

    private PlatformEnvironment()
    {
        NameDirectory.UseOwn();
    }

    public SharedRuntime Shared { get; } = new();

    /// <summary>The seeded admin's email: the production default.</summary>
    public const string AdminEmail = "admin@ecommerce.local";

    /// <summary>The seeded admin's password (not containing "admin": the policy refuses the email's name in it).</summary>
    public string AdminPassword { get; } = "Platform-" + Guid.NewGuid().ToString("N");

    public IdentityOnKestrel Identity { get; private set; } = null!;

    public CatalogOnKestrel Catalog { get; private set; } = null!;

    public Uri GatewayAddress { get; private set; } = null!;

    public static async Task<PlatformEnvironment> StartAsync()
    {
        var environment = new PlatformEnvironment();
        try
        {
            await environment.StartCoreAsync();
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the gateway: the only door a test uses.</summary>
    public HttpClient Client() =>
        // The services run in this process, so their telemetry listens here too (see GatewayEnvironment.ClientWithToken).
        new(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        foreach (var part in Enumerable.Reverse(_owned))
        {
            await part.DisposeAsync();
        }
        Shared.Dispose();
        if (_secretsDirectory is not null)
        {
            Directory.Delete(_secretsDirectory, recursive: true);
        }
    }

    private async Task StartCoreAsync()
    {
        // Identity first: the others read its JWKS on their first token.
        _secretsDirectory = Directory.CreateTempSubdirectory("gateway-platform-secrets-").FullName;
        var secretsFile = Path.Combine(_secretsDirectory, "secrets.json");
        using (var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(secretsFile, new JsonObject
            {
                [SecretNames.IdentitySigningKey] = signingKey.ExportPkcs8PrivateKeyPem(),
                [SecretNames.IdentityDataKey] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                [SecretNames.IdentityAdminPassword] = AdminPassword,
            }.ToJsonString());
        }
        var identityResources =
            TestComponents.StateStore("sqlite", Components.IdentityStore) +
            TestComponents.Component(Components.SecretStore, "secretstores.local.file", "v1", [("secretsFile", secretsFile)]) +
            TestComponents.PubSub("in-memory", Components.EventsPubSub) +
            TestComponents.PubSub("in-memory", Components.TasksPubSub);
        var identityPort = TestSidecar.FreePort();
        var identitySidecar = Own(await TestSidecar.StartAsync(identityResources, appId: AppIds.Identity, appPort: identityPort, shared: Shared, waitUntilReady: false));
        Identity = Own(new IdentityOnKestrel(identityPort, identitySidecar));
        Identity.StartServer();

        var catalogPort = TestSidecar.FreePort();
        var catalogSidecar = Own(await TestSidecar.StartAsync(CatalogOnKestrel.SidecarResources, appId: AppIds.Catalog, appPort: catalogPort, shared: Shared, waitUntilReady: false));
        Catalog = Own(new CatalogOnKestrel(catalogPort, catalogSidecar, jwks: null));
        Catalog.StartServer();

        var gatewayPort = TestSidecar.FreePort();
        var gatewaySidecar = Own(await TestSidecar.StartAsync(
            GatewayResiliency.Yaml(AppIds.Catalog, AppIds.Pricing, AppIds.Inventory, AppIds.Cart, AppIds.Identity),
            appId: AppIds.Gateway, appPort: gatewayPort, shared: Shared, waitUntilReady: false));
        Own(new GatewayOnKestrel(gatewayPort, gatewaySidecar.HttpEndpoint, jwks: null, new Dictionary<string, string>())).StartServer();
        GatewayAddress = new Uri($"http://127.0.0.1:{gatewayPort}/");

        var ready = TimeSpan.FromSeconds(30);
        await Task.WhenAll(
            identitySidecar.Host.WaitUntilReadyAsync().WaitAsync(ready),
            catalogSidecar.Host.WaitUntilReadyAsync().WaitAsync(ready),
            gatewaySidecar.Host.WaitUntilReadyAsync().WaitAsync(ready));
        // Ready once its keys are loaded from the secret store: before that it cannot sign nor publish its JWKS.
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{identityPort}/") };
        await Eventually.TrueAsync(async () => (await probe.GetAsync(new Uri("readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            ready, "the identity service is ready (sidecar and keys)");
        // The admin is seeded a moment later. Asked of identity itself: through the gateway, the 401s until
        // then would open the gateway's circuit breaker to identity (daprd counts any answer outside 200-399).
        await Eventually.TrueAsync(async () => (await probe.PostAsJsonAsync("api/identity/login", new { email = AdminEmail, password = AdminPassword })).IsSuccessStatusCode,
            ready, "the seeded admin can sign in");
    }

    private T Own<T>(T part)
        where T : IAsyncDisposable
    {
        _owned.Add(part);
        return part;
    }
}
