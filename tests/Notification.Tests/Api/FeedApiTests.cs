using System.Net;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Ordering;
using static Ecommerce.Notification.Tests.Api.Deliveries;

namespace Ecommerce.Notification.Tests.Api;

/// <summary>The in-app feed: newest first, cursor paging, read marks and the unread count, each user's own.</summary>
public sealed class FeedApiTests(NotificationApiFactory factory) : IClassFixture<NotificationApiFactory>
{
    private readonly HttpClient _sidecar = factory.CreateClient();

    [Fact]
    public async Task The_feed_pages_by_cursor_newest_first_and_counts_unread()
    {
        var userId = await UserWithOrdersAsync(5);
        var client = factory.ClientAs("customer", userId);

        var first = await GetJsonAsync(client, "/api/notifications/feed?limit=4");
        var firstItems = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(6, first.GetProperty("unreadCount").GetInt32());
        Assert.Equal(4, firstItems.Count);
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.Equal(firstItems[^1].GetProperty("id").GetString(), cursor);
        var second = await GetJsonAsync(client, $"/api/notifications/feed?limit=4&before={cursor}");
        var secondItems = second.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, secondItems.Count);
        Assert.False(second.TryGetProperty("nextCursor", out _));

        var ids = firstItems.Concat(secondItems).Select(item => long.Parse(item.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal("Welcome, Ada Lovelace", secondItems[^1].GetProperty("title").GetString());
        Assert.All(firstItems, item => Assert.False(item.TryGetProperty("readAt", out _)));
    }

    [Fact]
    public async Task Marking_read_one_item_then_all_and_an_unknown_item_is_404()
    {
        var userId = await UserWithOrdersAsync(2);
        var client = factory.ClientAs("customer", userId);
        var newest = (await FeedAsync(factory, userId))[0].GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/notifications/feed/{newest}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/notifications/feed/{newest}/read", null)).StatusCode);
        var afterOne = await GetJsonAsync(client, "/api/notifications/feed");
        Assert.Equal(2, afterOne.GetProperty("unreadCount").GetInt32());
        Assert.True(afterOne.GetProperty("items")[0].TryGetProperty("readAt", out _));

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/notifications/feed/999999/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/notifications/feed/abc/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/notifications/feed/read-all", null)).StatusCode);
        Assert.Equal(0, (await GetJsonAsync(client, "/api/notifications/feed")).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task A_user_sees_only_their_own_feed_and_anonymous_callers_none()
    {
        var userId = await UserWithOrdersAsync(1);
        var other = factory.ClientAs("customer", NewId("user"));
        var newest = (await FeedAsync(factory, userId))[0].GetProperty("id").GetString();

        Assert.Empty((await GetJsonAsync(other, "/api/notifications/feed")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/notifications/feed/{newest}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/notifications/feed")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/notifications/feed/stream")).StatusCode);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=101")]
    [InlineData("?before=abc")]
    public async Task Bad_paging_is_a_400_with_field_errors(string query)
    {
        var response = await factory.ClientAs("customer").GetAsync($"/api/notifications/feed{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).TryGetProperty("errors", out _));
    }

    /// <summary>A registered user (one welcome item) with <paramref name="orders"/> submitted orders (one item each).</summary>
    private async Task<string> UserWithOrdersAsync(int orders)
    {
        var userId = await RegisteredAsync(_sidecar);
        for (var i = 0; i < orders; i++)
        {
            Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersSubmitted, new OrderSubmittedV1(NewId("order"), userId, "EUR", [new OrderLineV1("SKU-1", 1)])));
        }
        return userId;
    }
}
