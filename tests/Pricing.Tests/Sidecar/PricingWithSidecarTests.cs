using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Ordering;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecommerce.Pricing.Tests.Sidecar;

/// <summary>
/// The real pricing service on Kestrel beside a DaprLocal sidecar, over the kinds of the embedded
/// profile (SQLite state, in-memory pub/sub) and of the local profile (PostgreSQL state, Redis streams):
/// prices and their history through the state API, pricing.price-changed through the outbox, quotes
/// through service invocation, and coupon usage counted from orders.confirmed — once per order.
/// </summary>
public sealed class PricingWithSidecarTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("sqlite", "in-memory")]
    [InlineData("postgresql-v1", "redis")]
    public async Task Prices_quotes_and_coupon_usage_work_through_the_sidecar(string storeKind, string pubsubKind)
    {
        await using var jwks = await JwksServer.StartAsync();
        await using var listener = await SubscriberApp.StartAsync(
            ("/price-changed", SubscriberApp.Topic(Components.EventsPubSub, Topics.PricingPriceChanged), _ => Results.Ok()));
        var resources =
            TestComponents.StateStore(storeKind, Components.PricingStore, ("outboxPublishPubsub", Components.EventsPubSub), ("outboxPublishTopic", Topics.PricingPriceChanged)) +
            TestComponents.PubSub(pubsubKind, Components.EventsPubSub);
        var appPort = TestSidecar.FreePort();
        await using var sidecar = await TestSidecar.StartAsync(resources, appId: $"pricing-{Guid.NewGuid():N}"[..16], appPort: appPort, waitUntilReady: false);
        await using var listenerSidecar = await TestSidecar.StartAsync(TestComponents.PubSub(pubsubKind, Components.EventsPubSub), appPort: listener.Port);
        await using var pricing = new PricingOnKestrel(appPort, sidecar, jwks);
        pricing.StartServer();
        await sidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var invoke = new Uri(sidecar.HttpEndpoint, $"/v1.0/invoke/{sidecar.AppId}/method/");
        using var admin = new HttpClient { BaseAddress = invoke };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwks.Identity.IssueToken(roles: ["admin"]));
        using var anonymous = new HttpClient { BaseAddress = invoke };
        var sku = $"SKU-{Guid.NewGuid():N}"[..20];
        var code = $"P{Guid.NewGuid():N}"[..12].ToUpperInvariant();

        // A price, changed once: two revisions in the history, two events through the outbox.
        var created = await admin.PutAsJsonAsync($"api/pricing/prices/{sku}/EUR", new { price = 40m, compareAtPrice = 50m });
        var changed = await admin.PutAsJsonAsync($"api/pricing/prices/{sku}/EUR", new { price = 35m, compareAtPrice = 50m });
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"api/pricing/prices/{sku}/EUR") { Content = JsonContent.Create(new { price = 1m }) };
        stale.Headers.IfMatch.Add(created.Headers.ETag!);
        var refused = await admin.SendAsync(stale);
        var history = await admin.GetFromJsonAsync<JsonElement>($"api/pricing/prices/{sku}/EUR/history");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal([40m, 35m], history.GetProperty("changes").EnumerateArray().Select(change => change.GetProperty("price").GetDecimal()));
        await Eventually.TrueAsync(() => AnnouncedFor(listener, sku).Count == 2, Patience, "two pricing.price-changed events");
        var announced = AnnouncedFor(listener, sku);
        Assert.Equal([1L, 2L], announced.Select(data => data.GetProperty("revision").GetInt64()).Order());
        Assert.Equal(35m, announced.Single(data => data.GetProperty("revision").GetInt64() == 2).GetProperty("price").GetDecimal());
        // The outbox published the projection (the event), not the stored document with its history.
        Assert.All(announced, data => Assert.Equal(1, data.GetProperty("schemaVersion").GetInt32()));
        Assert.All(announced, data => Assert.False(data.TryGetProperty("history", out _)));

        // A coupon usable once per customer, applied in a quote asked for through the sidecar.
        var coupon = await admin.PostAsJsonAsync("api/pricing/coupons", new
        {
            code,
            offer = new { kind = "percent", value = 10, scope = "cart" },
            perCustomerLimit = 1,
        });
        Assert.Equal(HttpStatusCode.Created, coupon.StatusCode);
        var before = await QuoteAsync(anonymous, sku, code, "customer-1");
        Assert.True(before.GetProperty("coupons")[0].GetProperty("applied").GetBoolean());
        Assert.Equal(63m, before.GetProperty("totals").GetProperty("total").GetDecimal());

        // The order is confirmed, and the event delivered twice; then another customer's order.
        var orderId = $"order-{Guid.NewGuid():N}";
        var confirmed = new OrderConfirmedV1(orderId, "customer-1", "EUR", 63m, [code]);
        await listenerSidecar.Client.PublishEventAsync(Components.EventsPubSub, Topics.OrdersConfirmed, confirmed);
        await listenerSidecar.Client.PublishEventAsync(Components.EventsPubSub, Topics.OrdersConfirmed, confirmed);
        await listenerSidecar.Client.PublishEventAsync(Components.EventsPubSub, Topics.OrdersConfirmed,
            new OrderConfirmedV1($"order-{Guid.NewGuid():N}", "customer-2", "EUR", 63m, [code]));

        // Deliveries may be handled in any order (Redis streams hands them to parallel handlers): wait for both orders.
        await Eventually.TrueAsync(
            async () => (await UsageAsync(admin, code, "customer-1")).ByCustomer >= 1 && (await UsageAsync(admin, code, "customer-2")).ByCustomer >= 1,
            Patience,
            "both orders counted");
        var usage = await UsageAsync(admin, code, "customer-1");
        Assert.Equal((2, 1), (usage.Total, usage.ByCustomer));

        // The per-customer limit now refuses the coupon to customer-1, not to a third customer.
        var after = await QuoteAsync(anonymous, sku, code, "customer-1");
        var other = await QuoteAsync(anonymous, sku, code, "customer-3");
        Assert.Equal("Already used the maximum number of times by this customer.", after.GetProperty("coupons")[0].GetProperty("reason").GetString());
        Assert.Equal(70m, after.GetProperty("totals").GetProperty("total").GetDecimal());
        Assert.True(other.GetProperty("coupons")[0].GetProperty("applied").GetBoolean());
    }

    private static List<JsonElement> AnnouncedFor(SubscriberApp listener, string sku) =>
        listener.At("/price-changed")
            .Select(envelope => JsonSerializer.Deserialize<JsonElement>(envelope["data"]!.ToJsonString()))
            .Where(data => data.GetProperty("sku").GetString() == sku)
            .ToList();

    private static async Task<JsonElement> QuoteAsync(HttpClient client, string sku, string code, string customerId)
    {
        var response = await client.PostAsJsonAsync("api/pricing/quotes", new
        {
            currency = "EUR",
            lines = new[] { new { sku, quantity = 2 } },
            couponCodes = new[] { code },
            customerId,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<(int Total, int ByCustomer)> UsageAsync(HttpClient admin, string code, string customerId)
    {
        var usage = await admin.GetFromJsonAsync<JsonElement>($"api/pricing/coupons/{code}/usage?customerId={customerId}");
        return (usage.GetProperty("timesUsed").GetInt32(), usage.GetProperty("timesUsedByCustomer").GetInt32());
    }

    /// <summary>The pricing service's own Program on a real port, talking to the given sidecar.</summary>
    private sealed class PricingOnKestrel : WebApplicationFactory<Program>
    {
        private readonly TestSidecar _sidecar;
        private readonly JwksServer _jwks;

        public PricingOnKestrel(int port, TestSidecar sidecar, JwksServer jwks)
        {
            _sidecar = sidecar;
            _jwks = jwks;
            UseKestrel(port);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("APP_ID", _sidecar.AppId);
            builder.UseSetting("Pricing:ImportCatalogPrices", "false");
            builder.UseSetting("DAPR_HTTP_ENDPOINT", _sidecar.HttpEndpoint.ToString());
            builder.UseSetting("DAPR_GRPC_ENDPOINT", _sidecar.GrpcEndpoint.ToString());
            builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }
}
