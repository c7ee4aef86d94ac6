using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ecommerce.Pricing.Tests.Api;

public sealed class PricesApiTests(PricingApiFactory factory) : IClassFixture<PricingApiFactory>
{
    private static string NewSku() => $"SKU-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task An_admin_sets_a_price_anyone_reads_it_and_each_change_is_in_the_history_and_announced()
    {
        var admin = factory.ClientAs("admin");
        var sku = NewSku();

        var created = await admin.PutAsJsonAsync($"/api/pricing/prices/{sku}/EUR", new { price = 89.90m, compareAtPrice = 119m });
        var changed = await admin.PutAsJsonAsync($"/api/pricing/prices/{sku}/EUR", new { price = 79.90m });
        var read = await factory.CreateClient().GetAsync($"/api/pricing/prices/{sku}/EUR");
        var history = await factory.ClientAs("support").GetFromJsonAsync<JsonElement>($"/api/pricing/prices/{sku}/EUR/history");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/pricing/prices/{sku}/EUR", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(changed.Headers.ETag, read.Headers.ETag);
        var body = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(79.90m, body.GetProperty("price").GetDecimal());
        Assert.Equal(2, body.GetProperty("revision").GetInt64());
        var changes = history.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal([89.90m, 79.90m], changes.Select(change => change.GetProperty("price").GetDecimal()));
        Assert.All(changes, change => Assert.Equal("admin-1", change.GetProperty("changedBy").GetString()));
        Assert.Equal([1L, 2L], factory.Prices.Announced.Where(a => a.Sku == sku).Select(a => a.Revision));
    }

    [Fact]
    public async Task Setting_the_same_amounts_again_changes_and_announces_nothing()
    {
        var admin = factory.ClientAs("admin");
        var sku = NewSku();
        var first = await admin.PutAsJsonAsync($"/api/pricing/prices/{sku}/JPY", new { price = 1200 });

        var again = await admin.PutAsJsonAsync($"/api/pricing/prices/{sku}/JPY", new { price = 1200 });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Single(factory.Prices.Announced, a => a.Sku == sku);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_the_current_one_is_accepted()
    {
        var admin = factory.ClientAs("admin");
        var sku = NewSku();
        var first = await admin.PutAsJsonAsync($"/api/pricing/prices/{sku}/EUR", new { price = 10m });
        await admin.PutAsJsonAsync($"/api/pricing/prices/{sku}/EUR", new { price = 11m });

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/pricing/prices/{sku}/EUR") { Content = JsonContent.Create(new { price = 12m }) };
        stale.Headers.IfMatch.Add(first.Headers.ETag!);
        var refused = await admin.SendAsync(stale);
        var current = await factory.CreateClient().GetAsync($"/api/pricing/prices/{sku}/EUR");
        using var fresh = new HttpRequestMessage(HttpMethod.Put, $"/api/pricing/prices/{sku}/EUR") { Content = JsonContent.Create(new { price = 12m }) };
        fresh.Headers.IfMatch.Add(current.Headers.ETag!);
        var accepted = await admin.SendAsync(fresh);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData("JPY", "{\"price\": 12.5}", "price")]
    [InlineData("EUR", "{\"price\": 12.345}", "price")]
    [InlineData("KWD", "{\"price\": 1.234, \"compareAtPrice\": 1.2345}", "compareAtPrice")]
    [InlineData("EUR", "{\"price\": -1}", "price")]
    [InlineData("EUR", "{\"price\": 10, \"compareAtPrice\": 9}", "compareAtPrice")]
    [InlineData("EURO", "{\"price\": 10}", "currency")]
    [InlineData("eur", "{\"price\": 10}", "currency")]
    public async Task Invalid_prices_are_400_with_the_field_in_error(string currency, string body, string field)
    {
        var response = await factory.ClientAs("admin").PutAsync(
            $"/api/pricing/prices/{NewSku()}/{currency}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_sku_with_characters_outside_the_format_is_400()
    {
        var response = await factory.CreateClient().GetAsync("/api/pricing/prices/bad%7Csku/EUR");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_price_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/pricing/prices/{NewSku()}/EUR")).StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("customer", HttpStatusCode.Forbidden)]
    [InlineData("support", HttpStatusCode.Forbidden)]
    public async Task Setting_a_price_needs_the_admin_role(string? role, HttpStatusCode expected)
    {
        var response = await factory.ClientAs(role).PutAsJsonAsync($"/api/pricing/prices/{NewSku()}/EUR", new { price = 1m });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_history_is_not_for_customers()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs("customer").GetAsync($"/api/pricing/prices/{NewSku()}/EUR/history")).StatusCode);
    }
}
