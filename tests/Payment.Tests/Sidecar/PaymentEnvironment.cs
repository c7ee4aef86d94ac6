using System.Net.Http.Headers;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Payment.Tests.Sidecar;

/// <summary>
/// Everything one sidecar test runs, in its own <see cref="SharedRuntime"/>: the payment service on Kestrel beside a
/// DaprLocal sidecar with <c>payment-store</c> of the given kind (SQLite in a file this environment names, so a test
/// can read its bytes) and an in-memory <c>events</c>; a listener subscribed to every payments topic; a test identity.
/// The app id is unique (<c>payment-…</c>) because DaprLocal resolves app ids machine-wide.
/// </summary>
internal sealed class PaymentEnvironment : IAsyncDisposable
{
    public static readonly string[] PaymentTopics =
    [
        Topics.PaymentsAuthorized, Topics.PaymentsCaptured, Topics.PaymentsVoided, Topics.PaymentsRefunded,
        Topics.PaymentsFailed, Topics.PaymentsDisputeOpened, Topics.PaymentsDisputeClosed,
    ];

    private readonly List<IAsyncDisposable> _owned = [];

    public SharedRuntime Shared { get; } = new();

    public JwksServer Jwks { get; private set; } = null!;

    public SubscriberApp Listener { get; private set; } = null!;

    public TestSidecar PaymentSidecar { get; private set; } = null!;

    /// <summary>The SQLite database file of <c>payment-store</c> (sqlite kind only).</summary>
    public string? DatabaseFile { get; private set; }

    public static async Task<PaymentEnvironment> StartAsync(string storeKind)
    {
        var environment = new PaymentEnvironment();
        try
        {
            await environment.StartCoreAsync(storeKind);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the payment API through its sidecar, with a token for this subject and role when given.</summary>
    public HttpClient Client(string? role = null, string subject = "customer-1")
    {
        var client = new HttpClient { BaseAddress = new Uri(PaymentSidecar.HttpEndpoint, $"/v1.0/invoke/{PaymentSidecar.AppId}/method/") };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwks.Identity.IssueToken(subject, roles: [role]));
        }
        return client;
    }

    /// <summary>
    /// A sidecar named <c>ordering</c> (no app) in this runtime and a client of the payment API through it, so the service
    /// sees <c>dapr-caller-app-id: ordering</c> set by a sidecar, as the checkout saga's calls will be. Short-lived: the name is machine-wide.
    /// </summary>
    public async Task<(TestSidecar Sidecar, HttpClient Client)> OrderingAsync()
    {
        var sidecar = await TestSidecar.StartAsync(TestComponents.PubSub("in-memory", Components.EventsPubSub), appId: AppIds.Ordering, shared: Shared);
        return (sidecar, new HttpClient { BaseAddress = new Uri(sidecar.HttpEndpoint, $"/v1.0/invoke/{PaymentSidecar.AppId}/method/") });
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
        if (DatabaseFile is not null)
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(DatabaseFile)!, Path.GetFileName(DatabaseFile) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    private async Task StartCoreAsync(string storeKind)
    {
        Jwks = Own(await JwksServer.StartAsync());
        Listener = Own(await SubscriberApp.StartAsync([.. PaymentTopics.Select(topic =>
            ("/" + topic, SubscriberApp.Topic(Components.EventsPubSub, topic), (Func<int, IResult>)(_ => Results.Ok())))]));
        Own(await TestSidecar.StartAsync(TestComponents.PubSub("in-memory", Components.EventsPubSub), appPort: Listener.Port, shared: Shared));

        string store;
        if (storeKind == "sqlite")
        {
            DatabaseFile = Path.Combine(Path.GetTempPath(), $"payment-test-{Guid.NewGuid():N}.db");
            store = TestComponents.Component(Components.PaymentStore, "state.sqlite", "v1", [("connectionString", DatabaseFile)]);
        }
        else
        {
            store = TestComponents.StateStore(storeKind, Components.PaymentStore);
        }
        var appPort = TestSidecar.FreePort();
        PaymentSidecar = Own(await TestSidecar.StartAsync(store + TestComponents.PubSub("in-memory", Components.EventsPubSub),
            appId: $"payment-{Guid.NewGuid():N}"[..20], appPort: appPort, shared: Shared, waitUntilReady: false));
        var payment = Own(new PaymentOnKestrel(appPort, PaymentSidecar, Jwks));
        payment.StartServer();
        await PaymentSidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private T Own<T>(T part)
        where T : IAsyncDisposable
    {
        _owned.Add(part);
        return part;
    }
}
