using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.Contracts;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Identity.Tests.Sidecar;

/// <summary>
/// Everything one sidecar test runs, in its own <see cref="SharedRuntime"/>: the identity service on
/// Kestrel beside a DaprLocal sidecar with an embedded-like profile written here — <c>identity-store</c>
/// of the given kind, a <c>secretstores.local.file</c> <c>secrets</c> with a fresh EC key, data key and
/// admin password, in-memory <c>events</c> and <c>tasks</c> — and a listener subscribed to every topic
/// the service publishes on (to read the tokens mailed, as a user would).
/// <para>
/// The app id is unique (<c>identity-…</c>): DaprLocal resolves app ids machine-wide, so two
/// environments (or a development run) named <c>identity</c> would share calls. The service therefore
/// reads its JWKS through its sidecar under that id (<c>Jwt:JwksUrl</c>), as it does under <c>identity</c>.
/// </para>
/// </summary>
internal sealed class IdentityEnvironment : IAsyncDisposable
{
    public const string NotificationsRoute = "/notifications";
    public const string LoginFailedRoute = "/login-failed";
    public const string RegisteredRoute = "/registered";
    public const string VerifiedRoute = "/verified";
    public const string ResetRequestedRoute = "/reset-requested";

    private readonly List<IAsyncDisposable> _owned = [];
    private string? _secretsDirectory;

    private IdentityEnvironment(string storeKind)
    {
        StoreKind = storeKind;
        AdminEmail = TestKeys.UniqueEmail("admin");
    }

    public string StoreKind { get; }

    public SharedRuntime Shared { get; } = new();

    public string SigningKeyPem { get; } = TestKeys.NewSigningKeyPem();

    public string AdminEmail { get; }

    public string AdminPassword { get; } = "Admin-" + Guid.NewGuid().ToString("N");

    public SubscriberApp Listener { get; private set; } = null!;

    public TestSidecar IdentitySidecar { get; private set; } = null!;

    public string AppId { get; } = $"identity-{Guid.NewGuid():N}"[..20];

    public int AppPort { get; private set; }

    public static async Task<IdentityEnvironment> StartAsync(string storeKind)
    {
        var environment = new IdentityEnvironment(storeKind);
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

    /// <summary>A client of the identity API through its own sidecar (as the other services call it).</summary>
    public HttpClient Client() => new() { BaseAddress = new Uri(IdentitySidecar.HttpEndpoint, $"/v1.0/invoke/{AppId}/method/") };

    /// <summary>
    /// A sidecar named <c>gateway</c> (no app) in this runtime, and a client of the identity API through
    /// it, so the service sees <c>dapr-caller-app-id: gateway</c>. Short-lived: the name is machine-wide.
    /// </summary>
    public async Task<(TestSidecar Sidecar, HttpClient Client)> GatewayAsync()
    {
        var sidecar = await TestSidecar.StartAsync(TestComponents.PubSub("in-memory", Components.EventsPubSub), appId: AppIds.Gateway, shared: Shared);
        return (sidecar, new HttpClient { BaseAddress = new Uri(sidecar.HttpEndpoint, $"/v1.0/invoke/{AppId}/method/") });
    }

    /// <summary>The data of every event received on a route.</summary>
    public List<JsonElement> Received(string route) =>
        [.. Listener.At(route).Select(envelope => JsonSerializer.Deserialize<JsonElement>(envelope["data"]!.ToJsonString()))];

    /// <summary>Waits for the <paramref name="count"/>-th email of a template to an address and returns its token.</summary>
    public async Task<string> MailedTokenAsync(string email, string template, int count = 1)
    {
        List<JsonElement> Mails() => [.. Received(NotificationsRoute).Where(data =>
            data.GetProperty("recipient").GetString() == email && data.GetProperty("template").GetString() == template)];
        await Eventually.TrueAsync(() => Mails().Count >= count, TimeSpan.FromSeconds(10), $"{template} mail #{count} to {email}");
        return Mails()[count - 1].GetProperty("parameters").GetProperty("token").GetString()!;
    }

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
        var pubsubs = TestComponents.PubSub("in-memory", Components.EventsPubSub) + TestComponents.PubSub("in-memory", Components.TasksPubSub);
        Listener = Own(await SubscriberApp.StartAsync(
            (NotificationsRoute, SubscriberApp.Topic(Components.TasksPubSub, Topics.NotificationsRequested), _ => Results.Ok()),
            (LoginFailedRoute, SubscriberApp.Topic(Components.EventsPubSub, Topics.UsersLoginFailed), _ => Results.Ok()),
            (RegisteredRoute, SubscriberApp.Topic(Components.EventsPubSub, Topics.UsersRegistered), _ => Results.Ok()),
            (VerifiedRoute, SubscriberApp.Topic(Components.EventsPubSub, Topics.UsersEmailVerified), _ => Results.Ok()),
            (ResetRequestedRoute, SubscriberApp.Topic(Components.EventsPubSub, Topics.UsersPasswordResetRequested), _ => Results.Ok())));
        Own(await TestSidecar.StartAsync(pubsubs, appPort: Listener.Port, shared: Shared));

        _secretsDirectory = Directory.CreateTempSubdirectory("identity-secrets-").FullName;
        var secretsFile = Path.Combine(_secretsDirectory, "secrets.json");
        await File.WriteAllTextAsync(secretsFile, new JsonObject
        {
            [SecretNames.IdentitySigningKey] = SigningKeyPem,
            [SecretNames.IdentityDataKey] = TestKeys.NewDataKey(),
            [SecretNames.IdentityAdminPassword] = AdminPassword,
        }.ToJsonString());

        var resources =
            TestComponents.StateStore(StoreKind, Components.IdentityStore) +
            TestComponents.Component(Components.SecretStore, "secretstores.local.file", "v1", [("secretsFile", secretsFile)]) +
            pubsubs;
        AppPort = TestSidecar.FreePort();
        IdentitySidecar = Own(await TestSidecar.StartAsync(resources, appId: AppId, appPort: AppPort, shared: Shared, waitUntilReady: false));
        var identity = Own(new IdentityOnKestrel(AppPort, IdentitySidecar, AdminEmail));
        identity.StartServer();
        await IdentitySidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{AppPort}/") };
        await Eventually.TrueAsync(async () => (await probe.GetAsync(new Uri("readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), "the identity service is ready (sidecar and keys)");
    }

    private T Own<T>(T part)
        where T : IAsyncDisposable
    {
        _owned.Add(part);
        return part;
    }
}
