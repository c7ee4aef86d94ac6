using System.Net;
using static Ecommerce.Ordering.Tests.Api.OrderRequests;

namespace Ecommerce.Ordering.Tests.Api;

/// <summary>Reading orders: my orders paged newest first, one order (404 for another customer's), the back office's list.</summary>
public sealed class OrderQueriesTests(OrderingApiFactory factory) : IClassFixture<OrderingApiFactory>
{
    [Fact]
    public async Task My_orders_are_paged_newest_first_with_the_total_count()
    {
        var customer = NewId("customer");
        factory.Cart.Carts[customer] = Lines(("SKU-1", 1));
        var client = factory.ClientAs("customer", customer);
        var placed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add(await OrderIdAsync(await PlaceAsync(client, NewId("key"), Body())));
        }

        var first = await JsonAsync(await client.GetAsync(new Uri("/api/orders?page=1&pageSize=2", UriKind.Relative)));
        var third = await JsonAsync(await client.GetAsync(new Uri("/api/orders?page=3&pageSize=2", UriKind.Relative)));
        var beyond = await JsonAsync(await client.GetAsync(new Uri("/api/orders?page=4&pageSize=2", UriKind.Relative)));

        Assert.Equal((1, 2, 5), (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(), first.GetProperty("totalCount").GetInt32()));
        Assert.Equal([placed[4], placed[3]], first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("orderId").GetString()));
        Assert.Equal([placed[0]], third.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("orderId").GetString()));
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
        Assert.Equal("submitted", first.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=101")]
    public async Task A_bad_page_is_400_on_its_field(string query)
    {
        var response = await factory.ClientAs("customer", NewId("customer")).GetAsync(new Uri($"/api/orders?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([query.Split('=')[0]], await FieldErrorsAsync(response));
    }

    [Fact]
    public async Task An_order_is_404_for_another_customer_and_readable_by_its_customer_support_and_admins()
    {
        var owner = NewId("customer");
        factory.Cart.Carts[owner] = Lines(("SKU-1", 1));
        var orderId = await OrderIdAsync(await PlaceAsync(factory.ClientAs("customer", owner), NewId("key"), Body()));
        var path = new Uri($"/api/orders/{orderId}", UriKind.Relative);

        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs("customer", owner).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAs("customer", NewId("stranger")).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs("support", "agent").GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs("admin", "boss").GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAs("customer", owner).GetAsync(new Uri("/api/orders/ord-nope", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_back_office_lists_every_order_and_filters_by_customer_and_status()
    {
        var (alice, bob) = (NewId("alice"), NewId("bob"));
        factory.Cart.Carts[alice] = Lines(("SKU-1", 1));
        factory.Cart.Carts[bob] = Lines(("SKU-2", 4));
        var aliceOrder = await OrderIdAsync(await PlaceAsync(factory.ClientAs("customer", alice), NewId("key"), Body()));
        var bobOrder = await OrderIdAsync(await PlaceAsync(factory.ClientAs("customer", bob), NewId("key"), Body()));
        await factory.ChangeAsync(bobOrder, order => order.MovedTo(Contracts.Ordering.OrderStatus.Confirmed, "test", DateTimeOffset.UtcNow));
        var support = factory.ClientAs("support", "agent");

        var all = await JsonAsync(await support.GetAsync(new Uri("/api/orders/admin/orders?pageSize=100", UriKind.Relative)));
        var ofBob = await JsonAsync(await support.GetAsync(new Uri($"/api/orders/admin/orders?customerId={bob}", UriKind.Relative)));
        var confirmed = await JsonAsync(await support.GetAsync(new Uri("/api/orders/admin/orders?status=confirmed&pageSize=100", UriKind.Relative)));
        var badStatus = await support.GetAsync(new Uri("/api/orders/admin/orders?status=lost", UriKind.Relative));

        var ids = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("orderId").GetString()).ToList();
        Assert.Contains(aliceOrder, ids);
        Assert.True(ids.IndexOf(bobOrder) < ids.IndexOf(aliceOrder), "newest first");
        Assert.Equal([bobOrder], ofBob.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("orderId").GetString()));
        Assert.Contains(bobOrder, confirmed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("orderId").GetString()));
        Assert.DoesNotContain(aliceOrder, confirmed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("orderId").GetString()));
        Assert.All(confirmed.GetProperty("items").EnumerateArray(), i => Assert.Equal("confirmed", i.GetProperty("status").GetString()));
        Assert.Equal(["status"], await FieldErrorsAsync(badStatus));
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs("customer", alice).GetAsync(new Uri("/api/orders/admin/orders", UriKind.Relative))).StatusCode);
    }
}
