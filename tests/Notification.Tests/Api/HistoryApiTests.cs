using System.Net;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Ordering;
using static Ecommerce.Notification.Tests.Api.Deliveries;

namespace Ecommerce.Notification.Tests.Api;

/// <summary>History: the user's own, paged, newest first, recipients masked; any user's for admins only.</summary>
public sealed class HistoryApiTests(NotificationApiFactory factory) : IClassFixture<NotificationApiFactory>
{
    private readonly HttpClient _sidecar = factory.CreateClient();

    [Fact]
    public async Task History_pages_newest_first_with_masked_recipients_and_a_total()
    {
        var email = $"jane{Guid.NewGuid():N}@example.com";
        var userId = await RegisteredAsync(_sidecar, email: email);
        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add(NewId("order"));
            Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersSubmitted, new OrderSubmittedV1(orders[^1], userId, "EUR", [new OrderLineV1("SKU-1", 1)])));
        }
        var client = factory.ClientAs("customer", userId);

        var first = await GetJsonAsync(client, "/api/notifications/history?page=1&pageSize=5");
        var third = await GetJsonAsync(client, "/api/notifications/history?page=2&pageSize=5");

        Assert.Equal(8, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(5, first.GetProperty("pageSize").GetInt32());
        var items = first.GetProperty("items").EnumerateArray().Concat(third.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(8, items.Count);
        Assert.Equal(Topics.OrdersSubmitted, items[0].GetProperty("eventType").GetString());
        Assert.Equal(Topics.UsersRegistered, items[^1].GetProperty("eventType").GetString());
        var created = items.Select(item => item.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderDescending(), created);
        Assert.All(items.Where(item => Channel(item) == "email"), item => Assert.Equal("j***@example.com", item.GetProperty("recipient").GetString()));
        Assert.All(items.Where(item => Channel(item) == "email"), item => Assert.True(item.TryGetProperty("sentAt", out _)));
        Assert.DoesNotContain(email, await (await client.GetAsync("/api/notifications/history")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_users_history_is_for_admins_only_and_paging_is_validated()
    {
        var userId = await RegisteredAsync(_sidecar);

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs("customer").GetAsync($"/api/notifications/admin/users/{userId}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs("support").GetAsync($"/api/notifications/admin/users/{userId}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/notifications/history")).StatusCode);
        Assert.Equal(2, (await GetJsonAsync(factory.ClientAs("admin"), $"/api/notifications/admin/users/{userId}/history")).GetProperty("totalCount").GetInt32());
        Assert.Empty((await GetJsonAsync(factory.ClientAs("customer", NewId("user")), "/api/notifications/history")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.ClientAs("customer").GetAsync("/api/notifications/history?page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.ClientAs("customer").GetAsync("/api/notifications/history?pageSize=500")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.ClientAs("admin").GetAsync("/api/notifications/admin/users/a%7Cb/history")).StatusCode);
    }
}
