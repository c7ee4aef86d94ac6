using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Contracts.Catalog;

namespace Ecommerce.Catalog.Tests;

public sealed class ProductsApiTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private static readonly Uri Products = new("/api/catalog/products", UriKind.Relative);

    [Fact]
    public async Task An_admin_creates_a_product_and_anyone_reads_it_back_with_its_etag()
    {
        var client = ClientAs("admin");
        var slug = $"trail-runner-{Guid.NewGuid():N}";

        var created = await client.PostAsJsonAsync(Products, new
        {
            name = "Trail Runner 2",
            description = "A light trail shoe.",
            brand = "Northwind",
            categoryId = "trail-shoes",
            slug,
            status = "active",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.ETag);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetString()!;
        Assert.Equal($"/api/catalog/products/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("active", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("revision").GetInt64());

        var read = await factory.CreateClient().GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
        using var readBody = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        Assert.Equal("Trail Runner 2", readBody.RootElement.GetProperty("name").GetString());
        Assert.Equal(slug, readBody.RootElement.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Creating_announces_product_changed_with_the_first_revision()
    {
        var response = await ClientAs("admin").PostAsJsonAsync(Products, NewProduct($"Announced {Guid.NewGuid():N}"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetString();

        var announcement = Assert.Single(factory.Store.Announced, change => change.ProductId == id);
        Assert.Equal(ProductChangeKind.Created, announcement.Change);
        Assert.Equal(1, announcement.Revision);
        Assert.Equal(2, announcement.SchemaVersion);
        Assert.Equal(id, announcement.Product?.Id);
    }

    [Fact]
    public async Task Without_a_slug_one_is_made_from_the_name()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];

        var response = await ClientAs("admin").PostAsJsonAsync(Products, NewProduct($"Café Crème {unique} (Blue)"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"cafe-creme-{unique}-blue", body.RootElement.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_second_product_with_the_same_slug_is_a_409_problem()
    {
        var client = ClientAs("admin");
        var name = $"Duplicate {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(Products, NewProduct(name))).StatusCode);

        var second = await client.PostAsJsonAsync(Products, NewProduct(name));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_products_are_400_with_field_errors()
    {
        var response = await ClientAs("admin").PostAsJsonAsync(Products, new
        {
            name = "",
            description = "x",
            brand = "",
            categoryId = "shoes",
            slug = "Not A Slug",
            variants = new[] { new { sku = "", options = new Dictionary<string, string>(), weightGrams = -1 } },
            media = new[] { new { url = "not-a-url", altText = "", order = 0 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("brand", out _));
        Assert.True(errors.TryGetProperty("slug", out _));
        Assert.True(errors.TryGetProperty("variants[0].sku", out _));
        Assert.True(errors.TryGetProperty("variants[0].weightGrams", out _));
        Assert.True(errors.TryGetProperty("media[0].url", out _));
        Assert.True(errors.TryGetProperty("media[0].altText", out _));
    }

    [Fact]
    public async Task A_name_without_letters_or_digits_needs_a_slug()
    {
        var response = await ClientAs("admin").PostAsJsonAsync(Products, NewProduct("!!! ???"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Creating_needs_a_token()
    {
        var response = await factory.CreateClient().PostAsJsonAsync(Products, NewProduct("No token"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Creating_needs_the_admin_role()
    {
        var response = await ClientAs("customer").PostAsJsonAsync(Products, NewProduct("Customer try"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_product_is_a_404_problem()
    {
        var response = await factory.CreateClient().GetAsync(new Uri($"/api/catalog/products/{Guid.NewGuid():N}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_catalog_openapi_document_describes_its_endpoints()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/catalog/products", out _));
        Assert.True(paths.TryGetProperty("/api/catalog/products/{id}", out _));
    }

    private HttpClient ClientAs(string role)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Identity.IssueToken(roles: [role]));
        return client;
    }

    private static object NewProduct(string name) => new { name, description = "Test product.", brand = "Testbrand", categoryId = "shoes" };
}
