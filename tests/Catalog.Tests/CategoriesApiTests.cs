using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ecommerce.Catalog.Tests;

public sealed class CategoriesApiTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private static readonly Uri Categories = new("/api/catalog/categories", UriKind.Relative);

    [Fact]
    public async Task An_admin_adds_a_sub_category_and_anyone_reads_the_tree()
    {
        var id = $"fell-{Guid.NewGuid():N}"[..16];

        var created = await ClientAs("admin").PostAsJsonAsync(Categories, new { name = "Fell shoes", id, parentId = "trail-shoes" });
        var tree = await factory.CreateClient().GetAsync(Categories);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await tree.Content.ReadAsStringAsync());
        var shoes = body.RootElement.EnumerateArray().Single(node => node.GetProperty("id").GetString() == "shoes");
        var trail = shoes.GetProperty("children").EnumerateArray().Single(node => node.GetProperty("id").GetString() == "trail-shoes");
        Assert.Contains(trail.GetProperty("children").EnumerateArray(), node => node.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task A_taken_id_is_409_and_an_unknown_parent_is_400()
    {
        var taken = await ClientAs("admin").PostAsJsonAsync(Categories, new { name = "Shoes", id = "shoes" });
        var orphan = await ClientAs("admin").PostAsJsonAsync(Categories, new { name = "Orphan", parentId = "no-such-parent" });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, orphan.StatusCode);
        using var problem = JsonDocument.Parse(await orphan.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("parentId", out _));
    }

    [Fact]
    public async Task Invalid_categories_are_400_with_field_errors()
    {
        var response = await ClientAs("admin").PostAsJsonAsync(Categories, new { name = "", id = "Not An Id" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Adding_a_category_needs_the_admin_role()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync(Categories, new { name = "Nope" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientAs("customer").PostAsJsonAsync(Categories, new { name = "Nope" })).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_has_examples()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var create = schemas.EnumerateObject().Single(schema => schema.Name.EndsWith("CreateProductRequest", StringComparison.Ordinal)).Value;
        var example = create.TryGetProperty("example", out var single) ? single : create.GetProperty("examples")[0];
        Assert.Equal("Trail Runner 2", example.GetProperty("name").GetString());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/catalog/products/{id}/archive", out _));
        Assert.True(paths.TryGetProperty("/api/catalog/categories", out _));
    }

    private HttpClient ClientAs(string role)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Identity.IssueToken(roles: [role]));
        return client;
    }
}
