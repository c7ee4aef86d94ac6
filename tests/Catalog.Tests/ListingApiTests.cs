using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ecommerce.Catalog.Tests;

/// <summary>The public listing over HTTP, and price and stock events as the sidecar delivers them. Each test lists only its own brand.</summary>
public sealed class ListingApiTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private readonly string _brand = $"Brand{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task A_created_product_is_listed_and_found_by_search()
    {
        var id = await CreateAsync("Summit Kettle", "SK1");

        var listed = await ListAsync($"brand={_brand}");
        var found = await ListAsync($"q=sumit+ketl&brand={_brand}");

        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(id, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(1, listed.GetProperty("totalCount").GetInt32());
        Assert.Equal(_brand, listed.GetProperty("brands")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Price_and_stock_events_show_in_the_listing_and_old_ones_are_ignored()
    {
        var sku = $"PS-{Guid.NewGuid():N}";
        await CreateAsync("Priced Pan", sku);

        await DeliverAsync("pricing/price-changed", new { sku, currency = "EUR", price = 49.90m, revision = 2 });
        await DeliverAsync("pricing/price-changed", new { sku, currency = "EUR", price = 99.00m, revision = 1 });
        await DeliverAsync("inventory/stock-changed", new { sku, onHand = 5, reserved = 1, available = 4, reason = "adjustment", revision = 1 });

        var item = (await ListAsync($"brand={_brand}&inStock=true&minPrice=40&maxPrice=50")).GetProperty("items")[0];
        Assert.Equal(49.90m, item.GetProperty("priceFrom").GetDecimal());
        Assert.True(item.GetProperty("inStock").GetBoolean());
        Assert.Equal(0, (await ListAsync($"brand={_brand}&inStock=false")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task An_unusable_event_is_dropped_not_retried()
    {
        var response = await factory.CreateClient().PostAsJsonAsync(new Uri("/integration-events/pricing/price-changed", UriKind.Relative), new { sku = "", currency = "EURO", price = -1, revision = 0 });
        var garbage = await factory.CreateClient().PostAsync(new Uri("/integration-events/inventory/stock-changed", UriKind.Relative), new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DROP", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal("DROP", JsonDocument.Parse(await garbage.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_category_filter_includes_sub_categories_and_sorts_and_pages()
    {
        await CreateAsync("Alpha Boot", "AB1", "shoes");
        await CreateAsync("Beta Boot", "BB1", "trail-shoes");
        await CreateAsync("Gamma Boot", "GB1", "trail-shoes");

        var page = await ListAsync($"brand={_brand}&category=shoes&sort=newest&page=1&pageSize=2");
        var second = await ListAsync($"brand={_brand}&category=trail-shoes&sort=name&page=2&pageSize=1");

        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.Equal([$"Gamma Boot {_brand}", $"Beta Boot {_brand}"], page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()));
        Assert.Equal($"Gamma Boot {_brand}", second.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("minPrice=10&maxPrice=5", "maxPrice")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("currency=eur", "currency")]
    [InlineData("attribute=colour", "attributes")]
    [InlineData("sort=sideways", "sort")]
    [InlineData("sort=1", "sort")]
    public async Task A_bad_query_is_400_with_the_field(string query, string field)
    {
        var response = await factory.CreateClient().GetAsync(new Uri($"/api/catalog/products?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("minPrice=cheap")]
    [InlineData("page=first")]
    public async Task An_unreadable_query_value_is_400_not_500(string query)
    {
        var response = await factory.CreateClient().GetAsync(new Uri($"/api/catalog/products?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_sku_is_found_with_its_product_and_status_and_a_draft_only_by_an_admin()
    {
        var id = await CreateAsync("Lookup Lamp", "LL1");
        await CreateAsync("Secret Lamp", "SL1", status: "draft");

        var found = await factory.CreateClient().GetFromJsonAsync<JsonElement>(new Uri($"/api/catalog/skus/LL1-{_brand}", UriKind.Relative));
        var draftForShoppers = await factory.CreateClient().GetAsync(new Uri($"/api/catalog/skus/SL1-{_brand}", UriKind.Relative));
        var draftForAdmins = await Admin().GetAsync(new Uri($"/api/catalog/skus/SL1-{_brand}", UriKind.Relative));
        var unknown = await factory.CreateClient().GetAsync(new Uri($"/api/catalog/skus/NONE-{_brand}", UriKind.Relative));

        Assert.Equal((id, $"Lookup Lamp {_brand}", "active", "blue", 500),
            (found.GetProperty("productId").GetString(), found.GetProperty("productName").GetString(), found.GetProperty("status").GetString(),
             found.GetProperty("options").GetProperty("colour").GetString(), found.GetProperty("weightGrams").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, draftForShoppers.StatusCode);
        Assert.Equal(HttpStatusCode.OK, draftForAdmins.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_readiness_probe_reports_the_loaded_read_model()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("checks").GetProperty("catalog-read-model").GetProperty("status").GetString(), ignoreCase: true);
    }

    private async Task<string> CreateAsync(string name, string sku, string category = "trail-shoes", string status = "active")
    {
        var response = await Admin().PostAsJsonAsync(new Uri("/api/catalog/products", UriKind.Relative), new
        {
            name = $"{name} {_brand}",
            description = "For listing tests.",
            brand = _brand,
            categoryId = category,
            status,
            variants = new[] { new { sku = $"{sku}-{_brand}", options = new Dictionary<string, string> { ["colour"] = "blue" }, weightGrams = 500 } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    private async Task DeliverAsync(string route, object change)
    {
        var json = JsonSerializer.SerializeToNode(change)!.AsObject();
        json["sku"] = $"{json["sku"]}-{_brand}";
        var response = await factory.CreateClient().PostAsJsonAsync(new Uri($"/integration-events/{route}", UriKind.Relative), json);
        Assert.Equal("SUCCESS", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    private async Task<JsonElement> ListAsync(string query)
    {
        var response = await factory.CreateClient().GetAsync(new Uri($"/api/catalog/products?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private HttpClient Admin()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Identity.IssueToken(roles: ["admin"]));
        return client;
    }
}
