using System.Text.Json;

namespace Ecommerce.Ordering.Tests.Api;

/// <summary>The OpenAPI document (which the gateway's Swagger UI lists) describes every order endpoint.</summary>
public sealed class OpenApiTests(OrderingApiFactory factory) : IClassFixture<OrderingApiFactory>
{
    [Fact]
    public async Task The_openapi_document_lists_the_customer_and_back_office_endpoints()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[]
        {
            "/api/orders", "/api/orders/{orderId}", "/api/orders/{orderId}/cancel", "/api/orders/{orderId}/returns",
            "/api/orders/admin/orders", "/api/orders/admin/orders/{orderId}/saga", "/api/orders/admin/orders/{orderId}/fraud-review",
            "/api/orders/admin/orders/{orderId}/return-decision", "/api/orders/admin/orders/{orderId}/cancel",
        })
        {
            Assert.Contains(path, paths);
        }
        Assert.DoesNotContain(paths, p => p.StartsWith("/integration-events", StringComparison.Ordinal));
    }
}
