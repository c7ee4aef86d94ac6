using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.Contracts;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.Shipping.Progress;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Shipping.Tests.Sidecar;

/// <summary>
/// Everything one sidecar test runs, in its own <see cref="SharedRuntime"/>: the shipping service on
/// Kestrel beside a DaprLocal sidecar with <c>shipping-store</c>, <c>events</c> (in memory) and the
/// <c>shipping-progress</c> cron binding (every second) and a <c>secretstores.local.file</c> <c>secrets</c>
/// with a tracking key made at run time; a listener subscribed to
/// shipments.status-changed; and a test identity. Requests go through the shipping sidecar with an
/// admin token (a sidecar named <c>ordering</c> would be machine-wide, shared with other test runs;
/// the ordering caller header is covered by the API tests).
/// </summary>
internal sealed class ShippingEnvironment : IAsyncDisposable
{
    public const string StatusChangedRoute = "/shipments-status-changed";

    private readonly List<IAsyncDisposable> _owned = [];

    private string? _secretsDirectory;

    private ShippingEnvironment(SharedRuntime shared) => Shared = shared;

    public SharedRuntime Shared { get; }

    public JwksServer Jwks { get; private set; } = null!;

    public SubscriberApp Listener { get; private set; } = null!;

    public TestSidecar ShippingSidecar { get; private set; } = null!;

    public static async Task<ShippingEnvironment> StartAsync(string storeKind, TimeSpan step)
    {
        var environment = new ShippingEnvironment(new SharedRuntime());
        try
        {
            await environment.StartCoreAsync(storeKind, step);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the shipping API through its sidecar, as an admin unless told otherwise.</summary>
    public HttpClient Client(string? role = "admin")
    {
        var client = new HttpClient { BaseAddress = new Uri(ShippingSidecar.HttpEndpoint, $"/v1.0/invoke/{ShippingSidecar.AppId}/method/") };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwks.Identity.IssueToken("back-office-1", roles: [role]));
        }
        return client;
    }

    /// <summary>The statuses announced for an order, in the order they arrived.</summary>
    public List<string> Announced(string orderId) =>
        [.. Listener.At(StatusChangedRoute)
            .Select(envelope => JsonSerializer.Deserialize<JsonElement>(envelope["data"]!.ToJsonString()))
            .Where(data => data.GetProperty("orderId").GetString() == orderId)
            .Select(data => data.GetProperty("status").GetString()!)];

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

    private async Task StartCoreAsync(string storeKind, TimeSpan step)
    {
        Jwks = Own(await JwksServer.StartAsync());
        Listener = Own(await SubscriberApp.StartAsync((StatusChangedRoute, SubscriberApp.Topic(Components.EventsPubSub, Topics.ShipmentsStatusChanged), _ => Results.Ok())));
        Own(await TestSidecar.StartAsync(TestComponents.PubSub("in-memory", Components.EventsPubSub), appPort: Listener.Port, shared: Shared));

        _secretsDirectory = Directory.CreateTempSubdirectory("shipping-secrets-").FullName;
        var secretsFile = Path.Combine(_secretsDirectory, "secrets.json");
        await File.WriteAllTextAsync(secretsFile, new JsonObject { [SecretNames.ShippingTrackingKey] = TestTrackingKeys.New() }.ToJsonString());

        var resources =
            TestComponents.StateStore(storeKind, Components.ShippingStore) +
            TestComponents.Component(Components.SecretStore, "secretstores.local.file", "v1", [("secretsFile", secretsFile)]) +
            TestComponents.PubSub("in-memory", Components.EventsPubSub) +
            TestComponents.Component(ProgressScanEndpoint.BindingName, "bindings.cron", "v1", [("schedule", "@every 1s")]);
        var appPort = TestSidecar.FreePort();
        ShippingSidecar = Own(await TestSidecar.StartAsync(resources, appId: $"shipping-{Guid.NewGuid():N}"[..16], appPort: appPort, shared: Shared, waitUntilReady: false));
        var shipping = Own(new ShippingOnKestrel(appPort, ShippingSidecar, Jwks, step));
        shipping.StartServer();
        await ShippingSidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{appPort}/") };
        await Eventually.TrueAsync(async () => (await probe.GetAsync(new Uri("readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), "the shipping service is ready (sidecar and tracking key)");
    }

    private T Own<T>(T part)
        where T : IAsyncDisposable
    {
        _owned.Add(part);
        return part;
    }
}
