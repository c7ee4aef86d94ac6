using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecommerce.Catalog.Tests;

/// <summary>
/// The real catalog service on Kestrel beside a DaprLocal sidecar, over the state stores the
/// profiles use: products go through the Dapr state API, the slug conflict is detected through
/// a real failed transaction, and <c>catalog.product-changed</c> arrives through the outbox.
/// </summary>
public sealed class CatalogWithSidecarTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql-v1")]
    [InlineData("redis")]
    public async Task Products_round_trip_through_the_sidecar_and_are_announced(string storeKind)
    {
        await using var jwks = await JwksServer.StartAsync();
        await using var listener = await SubscriberApp.StartAsync(("/changed", SubscriberApp.Topic(Components.EventsPubSub, Topics.CatalogProductChanged), _ => Results.Ok()));
        var resources =
            TestComponents.StateStore(storeKind, Components.CatalogStore, ("outboxPublishPubsub", Components.EventsPubSub), ("outboxPublishTopic", Topics.CatalogProductChanged)) +
            TestComponents.PubSub("in-memory", Components.EventsPubSub);
        var appPort = TestSidecar.FreePort();
        await using var sidecar = await TestSidecar.StartAsync(resources, appId: $"catalog-{Guid.NewGuid():N}"[..16], appPort: appPort, waitUntilReady: false);
        await using var listenerSidecar = await TestSidecar.StartAsync(TestComponents.PubSub("in-memory", Components.EventsPubSub), appPort: listener.Port);
        await using var catalog = new CatalogOnKestrel(appPort, sidecar, jwks);
        catalog.StartServer();
        await sidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));

        using var http = new HttpClient { BaseAddress = new Uri(sidecar.HttpEndpoint, $"/v1.0/invoke/{sidecar.AppId}/method/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwks.Identity.IssueToken(roles: ["admin"]));
        var slug = $"kettle-{Guid.NewGuid():N}"[..20];

        var created = await http.PostAsJsonAsync("api/catalog/products", new { name = "Kettle", description = "Boils.", brand = "Acme", slug });
        var duplicate = await http.PostAsJsonAsync("api/catalog/products", new { name = "Other kettle", description = "", brand = "Acme", slug });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var read = await http.GetAsync($"api/catalog/products/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(created.Headers.ETag?.Tag, read.Headers.ETag?.Tag);
        await Eventually.TrueAsync(() => Task.FromResult(!listener.At("/changed").IsEmpty), TimeSpan.FromSeconds(15));
        var announced = Assert.Single(listener.At("/changed"));
        Assert.Equal(id, announced["data"]!["productId"]!.GetValue<string>());
        Assert.Equal("created", announced["data"]!["change"]!.GetValue<string>());
    }

    /// <summary>The catalog's own Program on a real port, talking to the given sidecar.</summary>
    private sealed class CatalogOnKestrel : WebApplicationFactory<Program>
    {
        private readonly TestSidecar _sidecar;
        private readonly JwksServer _jwks;

        public CatalogOnKestrel(int port, TestSidecar sidecar, JwksServer jwks)
        {
            _sidecar = sidecar;
            _jwks = jwks;
            UseKestrel(port);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("APP_ID", _sidecar.AppId);
            builder.UseSetting("DAPR_HTTP_ENDPOINT", _sidecar.HttpEndpoint.ToString());
            builder.UseSetting("DAPR_GRPC_ENDPOINT", _sidecar.GrpcEndpoint.ToString());
            builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }
}
