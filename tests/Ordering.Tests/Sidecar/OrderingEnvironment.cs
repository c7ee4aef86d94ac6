using System.Net.Http.Headers;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Ordering.Tests.Sidecar;

/// <summary>
/// Everything one sidecar test runs, in its own <see cref="SharedRuntime"/>: the ordering service (API and workflow
/// worker) on Kestrel beside a DaprLocal sidecar named <c>ordering</c> with <c>ordering-store</c> on SQLite (or PostgreSQL), the workflow
/// engine on an in-memory <c>actor-store</c> and an in-memory <c>events</c>; the stand-in downstream services; a
/// listener subscribed to every orders topic; a test identity.
/// </summary>
internal sealed class OrderingEnvironment : IAsyncDisposable
{
    public static readonly string[] OrderTopics = [Topics.OrdersSubmitted, Topics.OrdersStatusChanged, Topics.OrdersConfirmed, Topics.OrdersCancelled];

    private readonly List<IAsyncDisposable> _owned = [];
    private string? _databaseFile;

    public SharedRuntime Shared { get; } = new();

    public JwksServer Jwks { get; private set; } = null!;

    public StandInServices Services { get; private set; } = null!;

    public SubscriberApp Listener { get; private set; } = null!;

    public TestSidecar OrderingSidecar { get; private set; } = null!;

    /// <summary>The listener's sidecar: its client publishes events as another service would.</summary>
    public TestSidecar ListenerSidecar { get; private set; } = null!;

    /// <summary>The ordering service itself (its services: e.g. the workflow client a test uses to terminate a saga).</summary>
    public OrderingOnKestrel Ordering { get; private set; } = null!;

    /// <param name="storeKind"><c>sqlite</c> (as in the embedded profile) or a kind of <see cref="TestComponents.StateStore"/> (<c>postgresql-v1</c> as in local).</param>
    /// <param name="settings">Ordering configuration the test needs on top.</param>
    /// <param name="sweep">Whether the sidecar has the <c>ordering-sweep</c> cron binding (every second here).</param>
    public static async Task<OrderingEnvironment> StartAsync(string storeKind = "sqlite", IReadOnlyDictionary<string, string>? settings = null, bool sweep = false)
    {
        var environment = new OrderingEnvironment();
        try
        {
            await environment.StartCoreAsync(storeKind, settings, sweep);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the ordering API through its sidecar, with a token for this subject and role.</summary>
    public HttpClient Client(string role, string subject)
    {
        var client = new HttpClient { BaseAddress = new Uri(OrderingSidecar.HttpEndpoint, $"/v1.0/invoke/{OrderingSidecar.AppId}/method/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwks.Identity.IssueToken(subject, roles: [role]));
        return client;
    }

    /// <summary>The data of every event received on a topic.</summary>
    public List<JsonElement> Received(string topic) =>
        [.. Listener.At("/" + topic).Select(envelope => JsonSerializer.Deserialize<JsonElement>(envelope["data"]!.ToJsonString()))];

    public async ValueTask DisposeAsync()
    {
        foreach (var part in Enumerable.Reverse(_owned))
        {
            await part.DisposeAsync();
        }
        Shared.Dispose();
        if (_databaseFile is not null)
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_databaseFile)!, Path.GetFileName(_databaseFile) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    private async Task StartCoreAsync(string storeKind, IReadOnlyDictionary<string, string>? settings, bool sweep)
    {
        Jwks = Own(await JwksServer.StartAsync());
        Services = Own(await StandInServices.StartAsync(Shared));
        Listener = Own(await SubscriberApp.StartAsync([.. OrderTopics.Select(topic =>
            ("/" + topic, SubscriberApp.Topic(Components.EventsPubSub, topic), (Func<int, IResult>)(_ => Results.Ok())))]));
        ListenerSidecar = Own(await TestSidecar.StartAsync(TestComponents.PubSub("in-memory", Components.EventsPubSub), appPort: Listener.Port, shared: Shared));

        string store;
        if (storeKind == "sqlite")
        {
            _databaseFile = Path.Combine(Path.GetTempPath(), $"ordering-test-{Guid.NewGuid():N}.db");
            store = TestComponents.Component(Components.OrderingStore, "state.sqlite", "v1", [("connectionString", _databaseFile)]);
        }
        else
        {
            store = TestComponents.StateStore(storeKind, Components.OrderingStore);
        }
        var resources =
            store +
            TestComponents.StateStore("in-memory", Components.ActorStore, ("actorStateStore", "true")) +
            TestComponents.PubSub("in-memory", Components.EventsPubSub) +
            (sweep ? TestComponents.Component(Components.OrderingSweepCron, "bindings.cron", "v1", [("schedule", "@every 1s")]) : "");
        var appPort = TestSidecar.FreePort();
        OrderingSidecar = Own(await TestSidecar.StartAsync(resources, appId: AppIds.Ordering, appPort: appPort, shared: Shared, waitUntilReady: false));
        Ordering = Own(new OrderingOnKestrel(appPort, OrderingSidecar, Jwks, settings));
        Ordering.StartServer();
        await OrderingSidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private T Own<T>(T part)
        where T : IAsyncDisposable
    {
        _owned.Add(part);
        return part;
    }
}
