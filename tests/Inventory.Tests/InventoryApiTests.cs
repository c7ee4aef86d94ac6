using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ecommerce.Inventory.Tests;

/// <summary>What the API decides before it reaches the sidecar: validation, authentication, authorization, OpenAPI.</summary>
public sealed class InventoryApiTests(InventoryApiFactory factory) : IClassFixture<InventoryApiFactory>
{
    [Fact]
    public async Task A_reservation_with_bad_lines_is_400_with_field_errors()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/inventory/reservations", new
        {
            reservationId = "",
            lines = new object[] { new { sku = "bad sku!", quantity = 0 }, new { sku = "OK-1", quantity = 1 } },
            expiresInSeconds = 0,
        });

        var errors = await FieldErrorsAsync(response);
        Assert.Contains("reservationId", errors);
        Assert.Contains("lines[0].sku", errors);
        Assert.Contains("lines[0].quantity", errors);
        Assert.Contains("expiresInSeconds", errors);
    }

    [Fact]
    public async Task A_reservation_naming_a_sku_twice_is_400()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/inventory/reservations", new
        {
            reservationId = "order-1",
            lines = new object[] { new { sku = "A-1", quantity = 1 }, new { sku = "A-1", quantity = 2 } },
        });

        Assert.Contains("lines", await FieldErrorsAsync(response));
    }

    [Fact]
    public async Task A_reservation_without_lines_is_400()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/inventory/reservations", new { reservationId = "order-1", lines = Array.Empty<object>() });

        Assert.Contains("lines", await FieldErrorsAsync(response));
    }

    [Fact]
    public async Task An_unreadable_body_is_a_400_problem_not_a_500()
    {
        using var content = new StringContent("{\"reservationId\": 12, \"lines\": \"x\"}", System.Text.Encoding.UTF8, "application/json");
        var response = await factory.CreateClient().PostAsync(new Uri("/api/inventory/reservations", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_reservation_id_in_the_route_is_400()
    {
        var response = await factory.CreateClient().PostAsync(new Uri("/api/inventory/reservations/bad%20id/commit", UriKind.Relative), null);

        Assert.Contains("reservationId", await FieldErrorsAsync(response));
    }

    [Fact]
    public async Task Availability_of_too_many_or_bad_skus_is_400()
    {
        var tooMany = await factory.CreateClient().PostAsJsonAsync("/api/inventory/availability", new { skus = Enumerable.Range(0, 201).Select(i => $"S-{i}") });
        var bad = await factory.CreateClient().PostAsJsonAsync("/api/inventory/availability", new { skus = (string[])["fine", "not fine"] });

        Assert.Contains("skus", await FieldErrorsAsync(tooMany));
        Assert.Contains("skus[1]", await FieldErrorsAsync(bad));
    }

    [Fact]
    public async Task An_adjustment_with_bad_fields_is_400_with_field_errors()
    {
        var response = await ClientAs("admin").PostAsJsonAsync("/api/inventory/items/TR2-1/adjustments", new
        {
            warehouseId = "Not An Id",
            change = 0,
            reason = "received",
            note = new string('x', 501),
        });

        var errors = await FieldErrorsAsync(response);
        Assert.Contains("warehouseId", errors);
        Assert.Contains("change", errors);
        Assert.Contains("note", errors);
    }

    [Fact]
    public async Task The_ordering_service_may_adjust_stock_and_another_app_may_not_and_a_bad_idempotency_key_is_400()
    {
        var body = new { warehouseId = "Not An Id", change = 1, reason = "returned", idempotencyKey = "has a space" };
        using var ordering = factory.CreateClient();
        ordering.DefaultRequestHeaders.Add("dapr-caller-app-id", "ordering");
        using var cart = factory.CreateClient();
        cart.DefaultRequestHeaders.Add("dapr-caller-app-id", "cart");

        var byOrdering = await ordering.PostAsJsonAsync("/api/inventory/items/TR2-1/adjustments", body);
        var byCart = await cart.PostAsJsonAsync("/api/inventory/items/TR2-1/adjustments", body);

        var errors = await FieldErrorsAsync(byOrdering);
        Assert.Contains("warehouseId", errors);
        Assert.Contains("idempotencyKey", errors);
        Assert.Equal(HttpStatusCode.Unauthorized, byCart.StatusCode);
    }

    [Fact]
    public async Task An_unknown_adjustment_reason_is_400()
    {
        var response = await ClientAs("admin").PostAsJsonAsync("/api/inventory/items/TR2-1/adjustments", new { warehouseId = "berlin-1", change = 1, reason = "stolen-by-aliens" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_sku_in_the_route_is_400()
    {
        var response = await ClientAs("admin").PutAsJsonAsync("/api/inventory/items/bad%20sku/low-stock-threshold", new { threshold = 3 });

        Assert.Contains("sku", await FieldErrorsAsync(response));
    }

    [Fact]
    public async Task A_negative_threshold_and_an_empty_warehouse_name_are_400()
    {
        var threshold = await ClientAs("admin").PutAsJsonAsync("/api/inventory/items/TR2-1/low-stock-threshold", new { threshold = -1 });
        var warehouse = await ClientAs("admin").PutAsJsonAsync("/api/inventory/warehouses/berlin-1", new { name = " " });

        Assert.Contains("threshold", await FieldErrorsAsync(threshold));
        Assert.Contains("name", await FieldErrorsAsync(warehouse));
    }

    [Theory]
    [InlineData("PUT", "/api/inventory/warehouses/berlin-1")]
    [InlineData("GET", "/api/inventory/warehouses")]
    [InlineData("POST", "/api/inventory/items/TR2-1/adjustments")]
    [InlineData("GET", "/api/inventory/items/TR2-1/adjustments")]
    [InlineData("PUT", "/api/inventory/items/TR2-1/low-stock-threshold")]
    [InlineData("GET", "/api/inventory/items/TR2-1")]
    public async Task Back_office_endpoints_need_a_token(string method, string path)
    {
        var response = await factory.CreateClient().SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/api/inventory/warehouses/berlin-1", "support")]
    [InlineData("GET", "/api/inventory/warehouses", "customer")]
    [InlineData("POST", "/api/inventory/items/TR2-1/adjustments", "support")]
    [InlineData("GET", "/api/inventory/items/TR2-1/adjustments", "support")]
    [InlineData("PUT", "/api/inventory/items/TR2-1/low-stock-threshold", "customer")]
    [InlineData("GET", "/api/inventory/items/TR2-1", "customer")]
    public async Task Back_office_endpoints_refuse_other_roles(string method, string path, string role)
    {
        var response = await ClientAs(role).SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints_with_examples()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/inventory/reservations", "/api/inventory/reservations/{reservationId}/commit", "/api/inventory/reservations/{reservationId}/release",
            "/api/inventory/availability", "/api/inventory/items/{sku}/adjustments", "/api/inventory/items/{sku}/low-stock-threshold",
            "/api/inventory/warehouses/{warehouseId}",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        Assert.False(paths.TryGetProperty("/api/inventory/events/stock-changed", out _));
        var example = paths.GetProperty("/api/inventory/reservations").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("TR2-BLUE-42", example.GetProperty("lines")[0].GetProperty("sku").GetString());
    }

    private HttpClient ClientAs(string role)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Identity.IssueToken(roles: [role]));
        return client;
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = method == "GET" ? null : JsonContent.Create(new { }),
        };

    private static async Task<IReadOnlyCollection<string>> FieldErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(error => error.Name)];
    }
}
