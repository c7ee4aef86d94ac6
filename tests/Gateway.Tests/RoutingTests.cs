using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ecommerce.Gateway.Tests.Environment;

namespace Ecommerce.Gateway.Tests;

/// <summary>
/// Requests through the gateway, its sidecar and the catalog's sidecar to the real catalog service:
/// what arrives is what the client sent (plus the trace and correlation context), and what is not
/// in the route table never leaves the gateway.
/// </summary>
[Collection(WithRealCatalog.Name)]
public sealed class RoutingTests(CatalogFixture fixture)
{
    private GatewayEnvironment Environment => fixture.Environment;

    [Fact]
    public async Task A_request_arrives_at_the_service_as_sent_with_trace_correlation_and_caller()
    {
        using var admin = Environment.Client("admin", "admin-1");
        var categoryId = $"cat-{Guid.NewGuid():N}"[..16];
        var marker = Guid.NewGuid().ToString("N");
        var traceId = ActivityTraceId.CreateRandom();
        var clientSpan = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/catalog/categories?source=gateway-test&marker={marker}")
        {
            Content = new StringContent($$"""{"id":"{{categoryId}}","name":"Kettles"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpan}-01");
        request.Headers.Add("X-Correlation-Id", "order-page.42_a");
        request.Headers.Add("X-Test-Header", marker);
        // Only the sidecar may say who calls: a client's dapr-* headers are dropped at the gateway.
        request.Headers.Add("dapr-caller-app-id", "ordering");

        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("order-page.42_a", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal(categoryId, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());
        var arrived = Assert.Single(Environment.Catalog!.Requests, r => r.Header("X-Test-Header") == marker);
        Assert.Equal(("POST", "/api/catalog/categories", $"?source=gateway-test&marker={marker}"), (arrived.Method, arrived.Path, arrived.Query));
        Assert.Equal($$"""{"id":"{{categoryId}}","name":"Kettles"}""", arrived.Body);
        Assert.StartsWith("application/json", arrived.Header("Content-Type"));
        Assert.Equal(admin.DefaultRequestHeaders.Authorization!.ToString(), arrived.Header("Authorization"));
        Assert.Equal("order-page.42_a", arrived.Header("X-Correlation-Id"));
        Assert.Equal("gateway", arrived.Header("dapr-caller-app-id"));
        Assert.True(ActivityContext.TryParse(arrived.Header("traceparent"), null, out var received), "a traceparent arrives");
        Assert.Equal(traceId, received.TraceId);
        Assert.NotEqual(clientSpan, received.SpanId);
    }

    [Fact]
    public async Task A_correlation_id_is_made_when_none_or_an_invalid_one_is_sent()
    {
        using var anonymous = Environment.Client();
        using var invalid = new HttpRequestMessage(HttpMethod.Get, "api/catalog/categories");
        invalid.Headers.Add("X-Correlation-Id", "not valid; " + new string('x', 70));

        var made = await anonymous.GetAsync(new Uri("api/catalog/categories", UriKind.Relative));
        var replaced = await anonymous.SendAsync(invalid);

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var madeId = made.Headers.GetValues("X-Correlation-Id").Single();
        var replacedId = replaced.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[A-Za-z0-9_.-]{1,64}$", madeId);
        Assert.Matches("^[A-Za-z0-9_.-]{1,64}$", replacedId);
        Assert.NotEqual(madeId, replacedId);
        Assert.Contains(Environment.Catalog!.Requests, r => r.Header("X-Correlation-Id") == replacedId);
    }

    [Theory]
    [InlineData("GET", "/api/inventory/reservations/order-1")]
    [InlineData("POST", "/api/inventory/reservations")]
    [InlineData("POST", "/integration-events/catalog/product-changed")]
    [InlineData("GET", "/dapr/config")]
    [InlineData("GET", "/api/nothing-here/1")]
    [InlineData("GET", "/api/invoices")]
    public async Task Internal_and_unknown_paths_are_a_404_problem_at_the_gateway(string method, string path)
    {
        using var anonymous = Environment.Client();
        var inventory = Environment.StandIn(Contracts.AppIds.Inventory);
        var before = (inventory.Requests.Count, Environment.Catalog!.Requests.Count);

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/')) { Content = JsonContent.Create(new { }) });

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, (inventory.Requests.Count, Environment.Catalog.Requests.Count));
    }

    [Fact]
    public async Task An_encoded_slash_cannot_climb_out_of_a_route()
    {
        using var anonymous = Environment.Client();
        var before = Environment.Catalog!.Requests.Count;

        var response = await anonymous.GetAsync(new Uri("api/catalog/..%2F..%2Fintegration-events/catalog/product-changed", UriKind.Relative));

        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, Environment.Catalog.Requests.Count);
    }

    [Fact]
    public async Task Swagger_lists_the_gateway_and_each_services_document_served_through_the_sidecar()
    {
        using var anonymous = Environment.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "openapi/catalog.json");
        request.Headers.Add("X-Correlation-Id", "swagger-ui.1");

        var catalog = await anonymous.SendAsync(request);
        var own = await anonymous.GetAsync(new Uri("swagger/v1/swagger.json", UriKind.Relative));
        var cartIsDown = await anonymous.GetAsync(new Uri("openapi/cart.json", UriKind.Relative));
        var notRouted = await anonymous.GetAsync(new Uri("openapi/accounting.json", UriKind.Relative));
        var ui = await anonymous.GetStringAsync(new Uri("swagger/index.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
        Assert.Equal("application/json", catalog.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(await catalog.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("catalog API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/catalog/products/{id}", out _));
        // "Try it out" goes to the gateway, which serves the document, on whatever address it is reached at.
        Assert.Equal("/", Assert.Single(document.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
        // Through the gateway's pipeline (correlation) and its sidecar, to the service's own document.
        Assert.Equal("swagger-ui.1", catalog.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Contains(Environment.Catalog!.Requests, r => r.Path == "/swagger/v1/swagger.json" && r.Header("dapr-caller-app-id") == "gateway");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var ownDocument = JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement;
        Assert.True(ownDocument.GetProperty("paths").TryGetProperty("/api/storefront/products/{id}", out _));
        Assert.DoesNotContain(ownDocument.GetProperty("paths").EnumerateObject(), path => path.Name.StartsWith("/openapi", StringComparison.Ordinal));
        var problem = await Problems.AssertProblemAsync(cartIsDown, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("cart is not answering", problem.GetProperty("detail").GetString());
        Assert.NotNull(cartIsDown.Headers.RetryAfter?.Delta);
        await Problems.AssertProblemAsync(notRouted, HttpStatusCode.NotFound);

        // The gateway's own document first (Swagger UI opens on it), then every routed service, each once.
        string[][] expected =
        [
            ["gateway (storefront)", "/swagger/v1/swagger.json"],
            ["catalog", "/openapi/catalog.json"],
            ["pricing", "/openapi/pricing.json"],
            ["inventory", "/openapi/inventory.json"],
            ["cart", "/openapi/cart.json"],
            ["identity", "/openapi/identity.json"],
            ["payment", "/openapi/payment.json"],
            ["shipping", "/openapi/shipping.json"],
            ["ordering", "/openapi/ordering.json"],
            ["notification", "/openapi/notification.json"],
        ];
        Assert.Equal(expected, SwaggerUiDocuments(ui));
    }

    /// <summary>The (name, url) of each document in the configuration Swagger UI's index.js starts with.</summary>
    private static List<string[]> SwaggerUiDocuments(string indexJs)
    {
        var configuration = Regex.Match(indexJs, "var configObject = (.+);");
        Assert.True(configuration.Success, "index.js has the configuration object");
        return JsonDocument.Parse(configuration.Groups[1].Value).RootElement.GetProperty("urls").EnumerateArray()
            .Select(url => new[] { url.GetProperty("name").GetString()!, url.GetProperty("url").GetString()! })
            .ToList();
    }
}
