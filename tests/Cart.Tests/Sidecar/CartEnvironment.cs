using System.Net.Http.Headers;
using Ecommerce.Cart.Abandonment;
using Ecommerce.Contracts;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Cart.Tests.Sidecar;

/// <summary>
/// Everything one sidecar test runs, in its own <see cref="SharedRuntime"/>: the cart service on
/// Kestrel beside a DaprLocal sidecar with <c>cart-store</c>, <c>events</c> and the
/// <c>cart-abandonment-scan</c> cron binding (every second); the stand-in catalog, pricing and
/// inventory; a listener subscribed to cart.abandoned;
/// and a test identity. Requests go through the cart's sidecar, as the gateway's will.
/// </summary>
internal sealed class CartEnvironment : IAsyncDisposable
{
    public const string AbandonedRoute = "/cart-abandoned";

    private readonly List<IAsyncDisposable> _owned = [];

    private CartEnvironment(SharedRuntime shared) => Shared = shared;

    public SharedRuntime Shared { get; }

    public JwksServer Jwks { get; private set; } = null!;

    public StandInServices Dependencies { get; private set; } = null!;

    public SubscriberApp Listener { get; private set; } = null!;

    public TestSidecar ListenerSidecar { get; private set; } = null!;

    public TestSidecar CartSidecar { get; private set; } = null!;

    public static async Task<CartEnvironment> StartAsync(string storeKind, string pubsubKind, TimeSpan timeToLive, TimeSpan abandonAfter)
    {
        var environment = new CartEnvironment(new SharedRuntime());
        try
        {
            await environment.StartCoreAsync(storeKind, pubsubKind, timeToLive, abandonAfter);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the cart's API through its sidecar, with a token for this subject and role when given.</summary>
    public HttpClient Client(string? role = null, string subject = "customer-1")
    {
        var client = new HttpClient { BaseAddress = new Uri(CartSidecar.HttpEndpoint, $"/v1.0/invoke/{CartSidecar.AppId}/method/") };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwks.Identity.IssueToken(subject, roles: [role]));
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in Enumerable.Reverse(_owned))
        {
            await part.DisposeAsync();
        }
        Shared.Dispose();
    }

    private async Task StartCoreAsync(string storeKind, string pubsubKind, TimeSpan timeToLive, TimeSpan abandonAfter)
    {
        Jwks = Own(await JwksServer.StartAsync());
        Dependencies = Own(await StandInServices.StartAsync(Shared));
        Listener = Own(await SubscriberApp.StartAsync((AbandonedRoute, SubscriberApp.Topic(Components.EventsPubSub, Topics.CartAbandoned), _ => Results.Ok())));
        ListenerSidecar = Own(await TestSidecar.StartAsync(TestComponents.PubSub(pubsubKind, Components.EventsPubSub), appPort: Listener.Port, shared: Shared));

        var resources =
            TestComponents.StateStore(storeKind, Components.CartStore) +
            TestComponents.PubSub(pubsubKind, Components.EventsPubSub) +
            TestComponents.Component(AbandonmentScanEndpoint.BindingName, "bindings.cron", "v1", [("schedule", "@every 1s")]);
        var appPort = TestSidecar.FreePort();
        CartSidecar = Own(await TestSidecar.StartAsync(resources, appId: $"cart-{Guid.NewGuid():N}"[..16], appPort: appPort, shared: Shared, waitUntilReady: false));
        var cart = Own(new CartOnKestrel(appPort, CartSidecar, Jwks, timeToLive, abandonAfter));
        cart.StartServer();
        await CartSidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private T Own<T>(T part)
        where T : IAsyncDisposable
    {
        _owned.Add(part);
        return part;
    }
}
