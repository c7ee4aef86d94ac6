using System.Net;
using System.Text.Json;

namespace Ecommerce.Shipping.Tests.Api;

public sealed class OpenApiTests(ShippingApiFactory factory) : IClassFixture<ShippingApiFactory>
{
    [Fact]
    public async Task Every_endpoint_is_documented_with_examples_and_the_cron_route_is_not()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        foreach (var expected in new[] { "/api/shipping/options", "/api/shipping/rates", "/api/shipping/shipments", "/api/shipping/shipments/{orderId}",
            "/api/shipping/shipments/{orderId}/cancel", "/api/shipping/shipments/{shipmentId}/label", "/api/shipping/tracking/{trackingNumber}" })
        {
            Assert.Contains(expected, paths);
        }
        Assert.DoesNotContain("/shipping-progress", paths);
        var create = document.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Single(schema => schema.Name.EndsWith("CreateShipmentRequest", StringComparison.Ordinal)).Value;
        Assert.Equal("express", create.GetProperty("example").GetProperty("method").GetString());
    }
}
