using System.Net;
using Ecommerce.Cart.Model;
using static Ecommerce.Cart.Tests.Api.CartRequests;

namespace Ecommerce.Cart.Tests.Api;

/// <summary>The abandonment scan with a hand-moved clock (Cart:AbandonAfter is two hours in <see cref="CartApiFactory"/>).</summary>
public sealed class AbandonmentTests(CartApiFactory factory) : IClassFixture<CartApiFactory>
{
    [Fact]
    public async Task A_cart_left_untouched_is_announced_once_and_again_only_after_being_touched()
    {
        var client = factory.CreateClient();
        var sku = factory.Dependencies.Sku();
        var cartId = CartIdOf(await AddAsync(client, sku, 1));
        var emptyId = CartIdOf(await AddAsync(client, sku, 1));
        await SendAsync(client, HttpMethod.Delete, "/api/cart", emptyId);

        factory.Clock.Advance(TimeSpan.FromMinutes(119));
        await ScanAsync(client);
        var tooEarly = AnnouncedFor(cartId);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await ScanAsync(client);
        await ScanAsync(client);
        var once = AnnouncedFor(cartId);
        await AddAsync(client, sku, 1, cartId);
        factory.Clock.Advance(TimeSpan.FromHours(3));
        await ScanAsync(client);

        Assert.Equal(0, tooEarly);
        Assert.Equal(1, once);
        Assert.Equal(2, AnnouncedFor(cartId));
        var announced = factory.Events.Abandoned.First(e => e.CartId == cartId);
        Assert.Equal((null, 1), (announced.CustomerId, announced.LineCount));
        Assert.Equal(0, AnnouncedFor(emptyId));
        Assert.False(factory.Index.Contains(CartOwner.Guest(emptyId)));
    }

    [Fact]
    public async Task An_expired_cart_leaves_the_index()
    {
        var client = factory.CreateClient();
        var cartId = CartIdOf(await AddAsync(client, factory.Dependencies.Sku(), 1));
        factory.Carts.Expire(CartOwner.Guest(cartId));

        await ScanAsync(client);

        Assert.False(factory.Index.Contains(CartOwner.Guest(cartId)));
    }

    private int AnnouncedFor(string cartId) => factory.Events.Abandoned.Count(e => e.CartId == cartId);

    private static async Task ScanAsync(HttpClient client) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/cart-abandonment-scan", UriKind.Relative), null)).StatusCode);
}
