using System.Net;
using static Ecommerce.Notification.Tests.Api.Deliveries;

namespace Ecommerce.Notification.Tests.Api;

public sealed class OpenApiTests(NotificationApiFactory factory) : IClassFixture<NotificationApiFactory>
{
    [Fact]
    public async Task Every_endpoint_is_described_by_name_and_the_subscription_routes_are_not()
    {
        var response = await factory.CreateClient().GetAsync("swagger/v1/swagger.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await JsonAsync(response);
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Select(operation => operation.Value.GetProperty("operationId").GetString())
            .ToHashSet();
        foreach (var name in new[]
        {
            "GetFeed", "MarkFeedItemRead", "MarkFeedRead", "StreamFeed", "GetNotificationPreferences", "SetNotificationPreferences",
            "GetMyNotificationHistory", "GetUserNotificationHistory", "ListNotificationTemplates", "GetNotificationTemplate", "SetNotificationTemplate",
        })
        {
            Assert.Contains(name, operations);
        }
        Assert.DoesNotContain(document.GetProperty("paths").EnumerateObject(), path => path.Name.StartsWith("/integration-events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sidecar_is_told_every_subscription_on_the_right_pubsub()
    {
        var subscriptions = (await GetJsonAsync(factory.CreateClient(), "/dapr/subscribe")).EnumerateArray()
            .Select(s => (PubSub: s.GetProperty("pubsubName").GetString(), Topic: s.GetProperty("topic").GetString()))
            .ToHashSet();

        foreach (var topic in new[]
        {
            "users.registered", "users.email-verified", "users.password-reset-requested", "users.login-failed", "orders.submitted",
            "orders.status-changed", "orders.confirmed", "orders.cancelled", "shipments.status-changed", "payments.refunded", "cart.abandoned",
        })
        {
            Assert.Contains(("events", topic), subscriptions);
        }
        Assert.Contains(("tasks", "notifications.requested"), subscriptions);
        Assert.Equal(12, subscriptions.Count);
    }
}
