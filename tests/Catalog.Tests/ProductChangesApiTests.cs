using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Contracts.Catalog;

namespace Ecommerce.Catalog.Tests;

/// <summary>Updating and archiving: the whole product with variants and media, over the version read (If-Match).</summary>
public sealed class ProductChangesApiTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private static readonly Uri Products = new("/api/catalog/products", UriKind.Relative);

    [Fact]
    public async Task A_product_keeps_its_variants_media_and_attributes()
    {
        var (id, _) = await CreateAsync("Variant Shoe");

        var read = await factory.CreateClient().GetAsync(new Uri($"/api/catalog/products/{id}", UriKind.Relative));

        using var body = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        var product = body.RootElement;
        Assert.Equal("trail-shoes", product.GetProperty("categoryId").GetString());
        Assert.Equal("mesh", product.GetProperty("attributes").GetProperty("material").GetString());
        var variant = product.GetProperty("variants")[1];
        Assert.Equal("44", variant.GetProperty("options").GetProperty("size").GetString());
        Assert.Equal(300, variant.GetProperty("weightGrams").GetInt32());
        Assert.Equal("Side view", product.GetProperty("media")[0].GetProperty("altText").GetString());
    }

    [Fact]
    public async Task An_update_with_the_etag_read_replaces_the_product_and_returns_a_new_etag()
    {
        var (id, etag) = await CreateAsync("Update Shoe");

        var updated = await SendAsync(HttpMethod.Put, $"/api/catalog/products/{id}", etag, Update("Update Shoe Mk2"));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag?.Tag);
        using var body = JsonDocument.Parse(await updated.Content.ReadAsStringAsync());
        Assert.Equal("Update Shoe Mk2", body.RootElement.GetProperty("name").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("revision").GetInt64());
        Assert.Contains(factory.Store.Announced, change => change.ProductId == id && change.Change == ProductChangeKind.Updated && change.Revision == 2);
    }

    [Fact]
    public async Task An_update_without_if_match_is_428()
    {
        var (id, _) = await CreateAsync("No If-Match Shoe");

        var response = await SendAsync(HttpMethod.Put, $"/api/catalog/products/{id}", etag: null, Update("No If-Match Shoe"));

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_update_over_a_stale_etag_is_412_and_changes_nothing()
    {
        var (id, etag) = await CreateAsync("Stale Shoe");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, $"/api/catalog/products/{id}", etag, Update("Stale Shoe v2"))).StatusCode);

        var second = await SendAsync(HttpMethod.Put, $"/api/catalog/products/{id}", etag, Update("Stale Shoe v3"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Stale Shoe v2", (await factory.Store.GetAsync(id, CancellationToken.None))!.Product.Name);
    }

    [Fact]
    public async Task A_change_by_someone_else_between_read_and_write_is_412()
    {
        var (id, etag) = await CreateAsync("Raced Shoe");
        factory.Store.ChangeBehindTheApi(id);

        var response = await SendAsync(HttpMethod.Post, $"/api/catalog/products/{id}/archive", etag, body: null);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task Updating_to_a_slug_another_product_has_is_409()
    {
        var (_, _) = await CreateAsync("Slug Owner Shoe");
        var (id, etag) = await CreateAsync("Slug Thief Shoe");

        var response = await SendAsync(HttpMethod.Put, $"/api/catalog/products/{id}", etag, Update("Slug Thief Shoe", slug: Slug("Slug Owner Shoe")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Archiving_keeps_the_product_readable_and_announces_it()
    {
        var (id, etag) = await CreateAsync("Archived Shoe");

        var archived = await SendAsync(HttpMethod.Post, $"/api/catalog/products/{id}/archive", etag, body: null);

        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        using var body = JsonDocument.Parse(await archived.Content.ReadAsStringAsync());
        Assert.Equal("archived", body.RootElement.GetProperty("status").GetString());
        Assert.Contains(factory.Store.Announced, change => change.ProductId == id && change.Change == ProductChangeKind.Archived);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(new Uri($"/api/catalog/products/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_update_cannot_archive_and_needs_a_known_category()
    {
        var (id, etag) = await CreateAsync("Category Shoe");

        var response = await SendAsync(HttpMethod.Put, $"/api/catalog/products/{id}", etag, Update("Category Shoe", status: "archived"));
        var unknownCategory = await SendAsync(HttpMethod.Put, $"/api/catalog/products/{id}", etag, Update("Category Shoe", categoryId: "no-such-category"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownCategory.StatusCode);
        using var categoryProblem = JsonDocument.Parse(await unknownCategory.Content.ReadAsStringAsync());
        Assert.True(categoryProblem.RootElement.GetProperty("errors").TryGetProperty("categoryId", out _));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("customer", HttpStatusCode.Forbidden)]
    [InlineData("support", HttpStatusCode.Forbidden)]
    public async Task Updating_and_archiving_need_the_admin_role(string? role, HttpStatusCode expected)
    {
        var (id, etag) = await CreateAsync($"Guarded Shoe {role}");
        var client = factory.CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Identity.IssueToken(roles: [role]));
        }

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/catalog/products/{id}") { Content = JsonContent.Create(Update("Guarded")) };
        update.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        using var archive = new HttpRequestMessage(HttpMethod.Post, $"/api/catalog/products/{id}/archive");
        archive.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));

        Assert.Equal(expected, (await client.SendAsync(update)).StatusCode);
        Assert.Equal(expected, (await client.SendAsync(archive)).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_hidden_from_everyone_but_admins()
    {
        var response = await Admin().PostAsJsonAsync(Products, new { name = $"Draft Shoe {Guid.NewGuid():N}", description = "", brand = "Testbrand", categoryId = "shoes" });
        var location = response.Headers.Location;

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin().GetAsync(location)).StatusCode);
    }

    private async Task<(string Id, string ETag)> CreateAsync(string name)
    {
        var response = await Admin().PostAsJsonAsync(Products, new
        {
            name = Unique(name),
            description = "A shoe for tests.",
            brand = "Testbrand",
            categoryId = "trail-shoes",
            slug = Slug(name),
            status = "active",
            attributes = new Dictionary<string, string> { ["material"] = "mesh" },
            variants = new[]
            {
                new { sku = $"T-{Guid.NewGuid():N}", options = new Dictionary<string, string> { ["size"] = "42", ["colour"] = "blue" }, weightGrams = 280 },
                new { sku = $"T-{Guid.NewGuid():N}", options = new Dictionary<string, string> { ["size"] = "44", ["colour"] = "blue" }, weightGrams = 300 },
            },
            media = new[] { new { url = "https://images.example.com/shoe/1.jpg", altText = "Side view", order = 1 } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("id").GetString()!, response.Headers.ETag!.Tag);
    }

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private string Unique(string name) => $"{name} {_suffix}";

    private string Slug(string name) => Model.Slugs.FromName(Unique(name));

    private static object Update(string name, string? slug = null, string status = "active", string categoryId = "trail-shoes") => new
    {
        name,
        description = "Updated.",
        brand = "Testbrand",
        categoryId,
        status,
        slug,
        variants = new[] { new { sku = $"U-{Guid.NewGuid():N}", options = new Dictionary<string, string> { ["size"] = "43" }, weightGrams = 290 } },
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? etag, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }
        return await Admin().SendAsync(request);
    }

    private HttpClient Admin()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Identity.IssueToken(roles: ["admin"]));
        return client;
    }
}
