using System.Net.Http.Headers;
using Ecommerce.Contracts;
using Ecommerce.Payment.Infrastructure;
using Ecommerce.Payment.Tests.Fakes;
using Ecommerce.ServiceDefaults.State;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Payment.Tests.Api;

/// <summary>The payment service with its real pipeline, a test identity, and its store and events in memory.</summary>
public sealed class PaymentApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private JwksServer _jwks = null!;

    internal InMemoryTransactionalStore Store { get; } = new();

    internal RecordingPaymentEvents Events { get; } = new();

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

    /// <summary>A client as the ordering service's calls arrive through the sidecar: <c>dapr-caller-app-id: ordering</c>, no token.</summary>
    public HttpClient Ordering()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("dapr-caller-app-id", AppIds.Ordering);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", "payment");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ITransactionalStore>(Store);
            services.AddSingleton<IPaymentEvents>(Events);
        });
    }
}
