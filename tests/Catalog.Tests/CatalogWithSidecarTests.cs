using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Inventory;
using Ecommerce.Contracts.Pricing;
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
        var resources = CatalogStore(storeKind) + TestComponents.PubSub("in-memory", Components.EventsPubSub);
        var appPort = TestSidecar.FreePort();
        await using var sidecar = await TestSidecar.StartAsync(resources, appId: $"catalog-{Guid.NewGuid():N}"[..16], appPort: appPort, waitUntilReady: false);
        await using var listenerSidecar = await TestSidecar.StartAsync(TestComponents.PubSub("in-memory", Components.EventsPubSub), appPort: listener.Port);
        await using var catalog = new CatalogOnKestrel(appPort, sidecar, jwks);
        catalog.StartServer();
        await sidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var http = AdminThroughSidecar(sidecar, jwks);
        await AddCategoryAsync(http, "kitchen");
        var slug = $"kettle-{Guid.NewGuid():N}"[..20];

        var created = await http.PostAsJsonAsync("api/catalog/products", new { name = "Kettle", description = "Boils.", brand = "Acme", categoryId = "kitchen", slug });
        var duplicate = await http.PostAsJsonAsync("api/catalog/products", new { name = "Other kettle", description = "", brand = "Acme", categoryId = "kitchen", slug });
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
        Assert.Equal(slug, announced["data"]!["product"]!["slug"]!.GetValue<string>());
    }

    /// <summary>
    /// The embedded profile's kinds (SQLite, in-memory pub/sub) and the local profile's (PostgreSQL v1,
    /// Redis streams): a product is listed, price and stock events published by another app reach the
    /// listing, a stale If-Match is refused by the real store, and a restarted service rebuilds its read
    /// model from state (products, prices and stock).
    /// </summary>
    [Theory]
    [InlineData("sqlite", "in-memory")]
    [InlineData("postgresql-v1", "redis")]
    public async Task The_listing_follows_products_prices_and_stock_and_survives_a_restart(string storeKind, string pubsubKind)
    {
        await using var jwks = await JwksServer.StartAsync();
        var resources = CatalogStore(storeKind) + TestComponents.PubSub(pubsubKind, Components.EventsPubSub);
        var appPort = TestSidecar.FreePort();
        await using var sidecar = await TestSidecar.StartAsync(resources, appId: $"catalog-{Guid.NewGuid():N}"[..16], appPort: appPort, waitUntilReady: false);
        using var http = AdminThroughSidecar(sidecar, jwks);
        var sku = $"SKU-{Guid.NewGuid():N}"[..16];
        // Redis streams keep earlier runs' events, which this catalog also consumes: list only this run's brand.
        var brand = $"Acme{Guid.NewGuid():N}"[..12];
        string id;

        await using (var catalog = new CatalogOnKestrel(appPort, sidecar, jwks))
        {
            catalog.StartServer();
            await sidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await WaitUntilReadyAsync(appPort);
            await AddCategoryAsync(http, "kitchen");
            await AddCategoryAsync(http, "kettles", parent: "kitchen");

            var created = await http.PostAsJsonAsync("api/catalog/products", new
            {
                name = "Gooseneck Kettle",
                description = "Pours slowly.",
                brand,
                categoryId = "kettles",
                status = "active",
                variants = new[] { new { sku, options = new Dictionary<string, string> { ["colour"] = "black" }, weightGrams = 900 } },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            var firstETag = created.Headers.ETag!;
            Assert.Equal(id, (await SingleListedAsync(http, $"category=kitchen&q=gooseneck&brand={brand}")).GetProperty("id").GetString());

            await sidecar.Client.PublishEventAsync(Components.EventsPubSub, Topics.PricingPriceChanged, new PriceChangedV1(sku, "EUR", 59.90m, null, 1));
            await sidecar.Client.PublishEventAsync(Components.EventsPubSub, Topics.InventoryStockChanged, new StockChangedV1(sku, 10, 2, 8, "adjustment", 1));
            await Eventually.TrueAsync(async () => await ListedCountAsync(http, $"category=kitchen&inStock=true&minPrice=50&maxPrice=60&brand={brand}") == 1, TimeSpan.FromSeconds(20),
                "the price and stock events reach the listing");

            var renamed = await PutAsync(http, id, firstETag, "Gooseneck Kettle Pro", brand, sku);
            var stale = await PutAsync(http, id, firstETag, "Gooseneck Kettle Stale", brand, sku);
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        await using (var restarted = new CatalogOnKestrel(appPort, sidecar, jwks))
        {
            restarted.StartServer();
            await WaitUntilReadyAsync(appPort);

            var item = await SingleListedAsync(http, $"category=kitchen&q=kettle+pro&brand={brand}");
            Assert.Equal(id, item.GetProperty("id").GetString());
            Assert.Equal(59.90m, item.GetProperty("priceFrom").GetDecimal());
            Assert.True(item.GetProperty("inStock").GetBoolean());
        }
    }

    /// <summary>The embedded profile's first start loads the demo catalog; a second start over the same store adds nothing.</summary>
    [Fact]
    public async Task The_demo_catalog_is_seeded_once()
    {
        await using var jwks = await JwksServer.StartAsync();
        var resources = CatalogStore("sqlite") + TestComponents.PubSub("in-memory", Components.EventsPubSub);
        var appPort = TestSidecar.FreePort();
        await using var sidecar = await TestSidecar.StartAsync(resources, appId: $"catalog-{Guid.NewGuid():N}"[..16], appPort: appPort, waitUntilReady: false);
        using var http = AdminThroughSidecar(sidecar, jwks);
        int seeded;

        await using (var catalog = new CatalogOnKestrel(appPort, sidecar, jwks, seed: true))
        {
            catalog.StartServer();
            await WaitUntilReadyAsync(appPort, TimeSpan.FromSeconds(120));
            seeded = await ListedCountAsync(http, "");
            var categories = JsonDocument.Parse(await http.GetStringAsync("api/catalog/categories")).RootElement;
            Assert.True(categories.EnumerateArray().Sum(root => 1 + root.GetProperty("children").GetArrayLength()) >= 20);
        }
        Assert.True(seeded >= 450, $"{seeded} active demo products listed");

        await using (var again = new CatalogOnKestrel(appPort, sidecar, jwks, seed: true))
        {
            again.StartServer();
            await WaitUntilReadyAsync(appPort, TimeSpan.FromSeconds(120));
            Assert.Equal(seeded, await ListedCountAsync(http, ""));
        }
    }

    private static string CatalogStore(string storeKind) =>
        TestComponents.StateStore(storeKind, Components.CatalogStore, ("outboxPublishPubsub", Components.EventsPubSub), ("outboxPublishTopic", Topics.CatalogProductChanged));

    private static HttpClient AdminThroughSidecar(TestSidecar sidecar, JwksServer jwks)
    {
        var http = new HttpClient { BaseAddress = new Uri(sidecar.HttpEndpoint, $"/v1.0/invoke/{sidecar.AppId}/method/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwks.Identity.IssueToken(roles: ["admin"]));
        return http;
    }

    private static async Task AddCategoryAsync(HttpClient http, string id, string? parent = null)
    {
        var response = await http.PostAsJsonAsync("api/catalog/categories", new { name = id, id, parentId = parent });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient http, string id, EntityTagHeaderValue etag, string name, string brand, string sku)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/catalog/products/{id}")
        {
            Content = JsonContent.Create(new
            {
                name,
                description = "Pours slowly.",
                brand,
                categoryId = "kettles",
                status = "active",
                variants = new[] { new { sku, options = new Dictionary<string, string> { ["colour"] = "black" }, weightGrams = 900 } },
            }),
        };
        request.Headers.IfMatch.Add(etag);
        return await http.SendAsync(request);
    }

    private static async Task WaitUntilReadyAsync(int appPort, TimeSpan? within = null)
    {
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{appPort}") };
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return (await probe.GetAsync("/readyz")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, within ?? TimeSpan.FromSeconds(30), "the catalog reports ready");
    }

    private static async Task<int> ListedCountAsync(HttpClient http, string query) =>
        JsonDocument.Parse(await http.GetStringAsync($"api/catalog/products?{query}")).RootElement.GetProperty("totalCount").GetInt32();

    private static async Task<JsonElement> SingleListedAsync(HttpClient http, string query) =>
        Assert.Single(JsonDocument.Parse(await http.GetStringAsync($"api/catalog/products?{query}")).RootElement.GetProperty("items").EnumerateArray()).Clone();

    /// <summary>The catalog's own Program on a real port, talking to the given sidecar.</summary>
    private sealed class CatalogOnKestrel : WebApplicationFactory<Program>
    {
        private readonly TestSidecar _sidecar;
        private readonly JwksServer _jwks;
        private readonly bool _seed;

        public CatalogOnKestrel(int port, TestSidecar sidecar, JwksServer jwks, bool seed = false)
        {
            _sidecar = sidecar;
            _jwks = jwks;
            _seed = seed;
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
            builder.UseSetting("Catalog:SeedOnStart", _seed ? "true" : "false");
        }
    }
}
