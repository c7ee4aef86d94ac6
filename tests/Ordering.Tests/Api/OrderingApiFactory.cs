using System.Net.Http.Headers;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Tests.Fakes;
using Ecommerce.ServiceDefaults.State;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ecommerce.Ordering.Tests.Api;

/// <summary>
/// The ordering service with its real pipeline and a test identity; its store in memory, the cart, the workflow
/// engine and the events faked (the workflow worker is not started: the sagas are tested on their own and through a sidecar).
/// </summary>
public sealed class OrderingApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private JwksServer _jwks = null!;

    internal InMemoryTransactionalStore Store { get; } = new();

    internal FakeCart Cart { get; } = new();

    internal FakeSagas Sagas { get; } = new();

    internal RecordingOrderEvents Events { get; } = new();

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

    internal async Task<Order> OrderAsync(string orderId) =>
        (await Store.GetAsync<Order>(OrderingStateKeys.Order(orderId), CancellationToken.None))!.Value;

    /// <summary>Changes a stored order as the saga would have.</summary>
    internal async Task ChangeAsync(string orderId, Func<Order, Order> change) =>
        Store.Put(OrderingStateKeys.Order(orderId), change(await OrderAsync(orderId)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", "ordering");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ITransactionalStore>(Store);
            services.AddSingleton<ICartClient>(Cart);
            services.AddSingleton<ISagas>(Sagas);
            services.AddSingleton<IOrderEvents>(Events);
            foreach (var worker in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "WorkflowWorker").ToList())
            {
                services.Remove(worker);
            }
        });
    }
}
