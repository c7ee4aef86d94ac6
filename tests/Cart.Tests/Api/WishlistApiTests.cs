using System.Net;
using System.Net.Http.Json;
using static Ecommerce.Cart.Tests.Api.CartRequests;

namespace Ecommerce.Cart.Tests.Api;

public sealed class WishlistApiTests(CartApiFactory factory) : IClassFixture<CartApiFactory>
{
    [Fact]
    public async Task A_wishlist_lists_current_prices_and_availability_and_moves_an_item_to_the_cart()
    {
        var customer = factory.ClientAs("customer", $"customer-{Guid.NewGuid():N}");
        var (shoes, socks, unpriced) = (factory.Dependencies.Sku(price: 80m, available: 4), factory.Dependencies.Sku(price: 9.90m, available: 0), factory.Dependencies.Sku());
        factory.Dependencies.Prices.TryRemove(unpriced, out _);

        foreach (var sku in new[] { shoes, socks, unpriced, shoes })
        {
            Assert.Equal(HttpStatusCode.OK, (await customer.PutAsync(new Uri($"/api/wishlist/items/{sku}", UriKind.Relative), null)).StatusCode);
        }
        factory.Dependencies.Prices[shoes] = 75m;
        var listed = await JsonAsync(await customer.GetAsync(new Uri("/api/wishlist?currency=EUR", UriKind.Relative)));
        var moved = await customer.PostAsJsonAsync($"/api/wishlist/items/{shoes}/move-to-cart", new { quantity = 2 });
        var afterMove = await JsonAsync(await customer.GetAsync(new Uri("/api/wishlist", UriKind.Relative)));
        var removed = await customer.DeleteAsync(new Uri($"/api/wishlist/items/{socks}", UriKind.Relative));
        var removedAgain = await customer.DeleteAsync(new Uri($"/api/wishlist/items/{socks}", UriKind.Relative));

        var items = listed.GetProperty("items").EnumerateArray().ToDictionary(item => item.GetProperty("sku").GetString()!);
        Assert.Equal(3, items.Count);
        Assert.Equal(75m, items[shoes].GetProperty("unitPrice").GetDecimal());
        Assert.Equal((4, true), (items[shoes].GetProperty("available").GetInt32(), items[shoes].GetProperty("inStock").GetBoolean()));
        Assert.Equal((9.90m, false), (items[socks].GetProperty("unitPrice").GetDecimal(), items[socks].GetProperty("inStock").GetBoolean()));
        Assert.False(items[unpriced].TryGetProperty("unitPrice", out _));
        Assert.Equal(new Dictionary<string, int> { [shoes] = 2 }, await QuantitiesAsync(moved));
        Assert.Equal([socks, unpriced], afterMove.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("sku").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
    }

    [Fact]
    public async Task A_wishlist_needs_a_signed_in_customer_and_a_sellable_sku()
    {
        var draft = factory.Dependencies.Sku(status: "archived");

        var anonymous = await factory.CreateClient().GetAsync(new Uri("/api/wishlist", UriKind.Relative));
        var archived = await factory.ClientAs("customer").PutAsync(new Uri($"/api/wishlist/items/{draft}", UriKind.Relative), null);
        var badSku = await factory.ClientAs("customer").PutAsync(new Uri("/api/wishlist/items/no%20spaces", UriKind.Relative), null);
        var notThere = await factory.ClientAs("customer").PostAsJsonAsync($"/api/wishlist/items/{draft}/move-to-cart", new { quantity = 1 });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, archived.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSku.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notThere.StatusCode);
    }
}
