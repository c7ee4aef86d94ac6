using System.Net.Http.Headers;
using Ecommerce.Contracts;
using Ecommerce.Inventory.Infrastructure;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Inventory.Tests;

/// <summary>
/// The real inventory service on Kestrel beside its own DaprLocal sidecar, with the component
/// kinds of a profile: <c>embedded</c> (SQLite state and actors, in-memory pub/sub) or
/// <c>local</c> (PostgreSQL state, Redis actors, Redis streams pub/sub). Clients go through the
/// sidecar's service invocation, as other services and the gateway do.
/// </summary>
public sealed class InventoryOnSidecar : IAsyncDisposable
{
    private readonly InventoryApp _app;

    private InventoryOnSidecar(TestSidecar sidecar, InventoryApp app, JwksServer jwks)
    {
        Sidecar = sidecar;
        _app = app;
        Jwks = jwks;
    }

    public TestSidecar Sidecar { get; }

    public JwksServer Jwks { get; }

    public string AppId => Sidecar.AppId;

    /// <summary>The service's own adapter to its SKU actors, calling them through the sidecar.</summary>
    public IInventoryItems Items => _app.Services.GetRequiredService<IInventoryItems>();

    public static string Resources(string profile) => profile switch
    {
        "embedded" =>
            TestComponents.StateStore("sqlite", Components.ActorStore, ("actorStateStore", "true")) +
            TestComponents.StateStore("sqlite", Components.InventoryStore) +
            EventsPubSub(profile),
        "local" =>
            TestComponents.StateStore("redis", Components.ActorStore, ("actorStateStore", "true")) +
            TestComponents.StateStore("postgresql-v1", Components.InventoryStore) +
            EventsPubSub(profile),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "embedded or local"),
    };

    public static string EventsPubSub(string profile) =>
        TestComponents.PubSub(profile == "embedded" ? "in-memory" : "redis", Components.EventsPubSub);

    /// <summary>Starts the service and its sidecar; pass the same resources and app id to start it again on the same stores.</summary>
    public static async Task<InventoryOnSidecar> StartAsync(
        string resources, JwksServer jwks, string? appId = null, params (string Key, string Value)[] settings)
    {
        var appPort = TestSidecar.FreePort();
        var sidecar = await TestSidecar.StartAsync(resources, appId: appId ?? $"inventory-{Guid.NewGuid():N}"[..18], appPort: appPort, waitUntilReady: false);
        var app = new InventoryApp(appPort, sidecar, jwks, settings);
        app.StartServer();
        await sidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return new InventoryOnSidecar(sidecar, app, jwks);
    }

    /// <summary>A client of the inventory API through the sidecar, with a token of the given roles (none: anonymous).</summary>
    public HttpClient Client(params string[] roles)
    {
        var client = new HttpClient { BaseAddress = new Uri(Sidecar.HttpEndpoint, $"/v1.0/invoke/{AppId}/method/api/inventory/") };
        if (roles.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwks.Identity.IssueToken(subject: "admin-ada", roles: roles));
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await Sidecar.DisposeAsync();
    }

    /// <summary>The service's own Program on a real port, talking to the given sidecar.</summary>
    private sealed class InventoryApp : WebApplicationFactory<Program>
    {
        private readonly TestSidecar _sidecar;
        private readonly JwksServer _jwks;
        private readonly (string Key, string Value)[] _settings;

        public InventoryApp(int port, TestSidecar sidecar, JwksServer jwks, (string Key, string Value)[] settings)
        {
            _sidecar = sidecar;
            _jwks = jwks;
            _settings = settings;
            UseKestrel(port);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("APP_ID", _sidecar.AppId);
            builder.UseSetting("DAPR_HTTP_ENDPOINT", _sidecar.HttpEndpoint.ToString());
            builder.UseSetting("DAPR_GRPC_ENDPOINT", _sidecar.GrpcEndpoint.ToString());
            builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Inventory:ImportCatalogStock", "false");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
