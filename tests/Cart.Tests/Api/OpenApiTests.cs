using System.Net;
using System.Text.Json;

namespace Ecommerce.Cart.Tests.Api;

public sealed class OpenApiTests(CartApiFactory factory) : IClassFixture<CartApiFactory>
{
    [Fact]
    public async Task Every_endpoint_is_documented_with_examples_and_the_internal_routes_are_not()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        foreach (var expected in new[] { "/api/cart", "/api/cart/lines", "/api/cart/lines/{sku}", "/api/cart/priced", "/api/cart/merge",
            "/api/carts/customers/{customerId}", "/api/carts/customers/{customerId}/checked-out-orders", "/api/carts/anonymous/{cartId}", "/api/wishlist", "/api/wishlist/items/{sku}", "/api/wishlist/items/{sku}/move-to-cart" })
        {
            Assert.Contains(expected, paths);
        }
        Assert.DoesNotContain("/cart-abandonment-scan", paths);
        var addLine = document.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Single(schema => schema.Name.EndsWith(".AddLineRequest", StringComparison.Ordinal)).Value;
        Assert.Equal("TRAIL-RUNNER-2-42", addLine.GetProperty("example").GetProperty("sku").GetString());
    }
}
