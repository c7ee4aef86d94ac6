using System.Net.Http.Headers;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.Shipping.Infrastructure;
using Ecommerce.Shipping.Security;
using Ecommerce.Shipping.Tests.Fakes;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ecommerce.Shipping.Tests.Api;

/// <summary>
/// The shipping service with its real pipeline and appsettings.json rate table, a test identity, a
/// hand-moved clock, one-hour carrier steps, and the store, index, events and secret store in memory.
/// The tracking key is made at run time; with one, the host is handed out only once it has loaded it.
/// </summary>
public sealed class ShippingApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly TimeSpan Step = TimeSpan.FromHours(1);

    private readonly bool _withTrackingKey;

    private JwksServer? _jwks;

    public ShippingApiFactory()
        : this(withTrackingKey: true)
    {
    }

    internal ShippingApiFactory(bool withTrackingKey)
    {
        _withTrackingKey = withTrackingKey;
        if (withTrackingKey)
        {
            Secrets.Values[SecretNames.ShippingTrackingKey] = TestTrackingKeys.New();
        }
    }

    internal FakeSecrets Secrets { get; } = new();

    private JwksServer Jwks => _jwks ?? throw new InvalidOperationException("InitializeAsync has not run.");

    internal InMemoryShipmentStore Shipments { get; } = new();

    internal InMemoryShipmentIndex Index { get; } = new();

    internal RecordingShipmentEvents Events { get; } = new();

    internal ManualClock Clock { get; } = new();

    public async Task InitializeAsync() => _jwks = await JwksServer.StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_jwks is not null)
        {
            await _jwks.DisposeAsync();
            _jwks = null;
        }
    }

    /// <summary>A client carrying a token with this role (none: no token at all).</summary>
    public HttpClient ClientAs(string? role, string subject = "user-1")
    {
        var client = CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwks.Identity.IssueToken(subject, roles: [role]));
        }
        return client;
    }

    /// <summary>A client as the ordering service's calls arrive: no token, <c>dapr-caller-app-id: ordering</c> set by its sidecar.</summary>
    public HttpClient Ordering() => CallerApp("ordering");

    public HttpClient CallerApp(string appId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("dapr-caller-app-id", appId);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", "shipping");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Jwt:JwksUrl", Jwks.JwksUrl.ToString());
        builder.UseSetting("Shipping:Carrier:StepDuration", Step.ToString());
        builder.UseSetting("Shipping:SecretsRetryInterval", "00:00:00.100");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IShipmentStore>(Shipments);
            services.AddSingleton<IRateStore, InMemoryRateStore>();
            services.AddSingleton<IShipmentIndex>(Index);
            services.AddSingleton<IShipmentEvents>(Events);
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ISecretReader>(Secrets);
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (_withTrackingKey)
        {
            // The loader runs in the background: wait for it, so that no test races its first read.
            var key = host.Services.GetRequiredService<TrackingKey>();
            SpinWait.SpinUntil(() => key.IsLoaded, TimeSpan.FromSeconds(10));
        }
        return host;
    }
}
