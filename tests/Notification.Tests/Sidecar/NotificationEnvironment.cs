using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ecommerce.Contracts;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.Notification.Tests.Sidecar;

/// <summary>
/// The notification service on Kestrel beside a DaprLocal sidecar with embedded-like components: <c>notification-store</c>
/// in a SQLite file, in-memory <c>events</c> and <c>tasks</c>, <c>sms</c> as files in a temp directory, and <c>email</c>
/// either as files (bindings.localstorage) or over SMTP to the given port (bindings.smtp). The service is not told
/// which: it asks the sidecar's metadata API. The app id is unique because DaprLocal resolves app ids machine-wide.
/// </summary>
internal sealed class NotificationEnvironment : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    public SharedRuntime Shared { get; } = new();

    public JwksServer Jwks { get; private set; } = null!;

    public TestSidecar Sidecar { get; private set; } = null!;

    public string Root { get; } = Directory.CreateTempSubdirectory("notification-test-").FullName;

    public string MailDirectory => Path.Combine(Root, "mail");

    public string DatabaseFile => Path.Combine(Root, "notification.db");

    public static async Task<NotificationEnvironment> StartAsync(int? smtpPort = null)
    {
        var environment = new NotificationEnvironment();
        try
        {
            await environment.StartCoreAsync(smtpPort);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>Publishes through the sidecar's HTTP API, the data as the platform's JSON (as the services publish it).</summary>
    public async Task PublishAsync<T>(string pubsub, string topic, T data)
        where T : IntegrationEvent
    {
        using var http = new HttpClient();
        var response = await http.PostAsync(new Uri(Sidecar.HttpEndpoint, $"/v1.0/publish/{pubsub}/{topic}"), JsonContent.Create(data, options: JsonConventions.Options));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A client of the notification API through its sidecar, with a token for this subject and role.</summary>
    public HttpClient Client(string role, string subject)
    {
        var client = new HttpClient { BaseAddress = new Uri(Sidecar.HttpEndpoint, $"/v1.0/invoke/{Sidecar.AppId}/method/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwks.Identity.IssueToken(subject, roles: [role]));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in Enumerable.Reverse(_owned))
        {
            await part.DisposeAsync();
        }
        Shared.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private async Task StartCoreAsync(int? smtpPort)
    {
        Jwks = Own(await JwksServer.StartAsync());
        var email = smtpPort is { } port
            ? TestComponents.Component(Components.EmailBinding, "bindings.smtp", "v1",
                [("host", "127.0.0.1"), ("port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("emailFrom", "shop@ecommerce.test")])
            : TestComponents.Component(Components.EmailBinding, "bindings.localstorage", "v1", [("rootPath", MailDirectory)]);
        var resources = TestComponents.Component(Components.NotificationStore, "state.sqlite", "v1", [("connectionString", DatabaseFile)])
            + TestComponents.PubSub("in-memory", Components.EventsPubSub)
            + TestComponents.PubSub("in-memory", Components.TasksPubSub)
            + email
            + TestComponents.Component(Components.SmsBinding, "bindings.localstorage", "v1", [("rootPath", Path.Combine(Root, "sms"))]);
        var appPort = TestSidecar.FreePort();
        Sidecar = Own(await TestSidecar.StartAsync(resources, appId: $"notification-{Guid.NewGuid():N}"[..25], appPort: appPort, shared: Shared, waitUntilReady: false));
        var app = Own(new NotificationOnKestrel(appPort, Sidecar, Jwks));
        app.StartServer();
        await Sidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private T Own<T>(T part)
        where T : IAsyncDisposable
    {
        _owned.Add(part);
        return part;
    }
}
