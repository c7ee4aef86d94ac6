using System.Net.Http.Headers;
using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Tests.Fakes;
using Ecommerce.ServiceDefaults.State;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Ecommerce.Notification.Tests.Api;

/// <summary>The notification service with its real pipeline, a test identity, its store in memory and recording bindings.</summary>
public sealed class NotificationApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private JwksServer _jwks = null!;

    internal InMemoryTransactionalStore Store { get; } = new();

    internal RecordingOutputBindings Bindings { get; } = new();

    /// <summary>
    /// One capture for every factory in the test process: Serilog's hosting integration also sets the static
    /// logger, so with hosts running side by side a line may reach another host's sinks; a shared capture sees all.
    /// </summary>
    internal static CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync() => _jwks = await JwksServer.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _jwks.DisposeAsync();
    }

    /// <summary>A client carrying a token for <paramref name="subject"/> with this role (none: no token at all).</summary>
    public HttpClient ClientAs(string? role, string subject = "customer-1")
    {
        var client = CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _jwks.Identity.IssueToken(subject, roles: [role]));
        }
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", "notification");
        // Everything, so that the test of secrets in logs sees every line the service could write.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
        builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
        // Short, so that the event-stream tests see heartbeats and the stream's end.
        builder.UseSetting("Notification:Feed:StreamLifetime", "00:00:03");
        builder.UseSetting("Notification:Feed:HeartbeatInterval", "00:00:01");
        builder.UseSetting("Notification:Feed:ReconnectDelay", "00:00:02");
        builder.UseSetting("Notification:ClaimLease", "00:00:05");
        builder.UseSetting("Notification:UnknownOrderAttempts", "2");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ITransactionalStore>(Store);
            services.AddSingleton<IOutputBindings>(Bindings);
            services.AddSingleton<ILogEventSink>(Logs);
        });
    }
}
