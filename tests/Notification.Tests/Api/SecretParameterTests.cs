using Ecommerce.Contracts;
using Ecommerce.Contracts.Notifications;
using static Ecommerce.Notification.Tests.Api.Deliveries;

namespace Ecommerce.Notification.Tests.Api;

/// <summary>The one-time tokens identity sends in notifications.requested reach the email and nothing else: not state, history, feed or logs.</summary>
public sealed class SecretParameterTests(NotificationApiFactory factory) : IClassFixture<NotificationApiFactory>
{
    private readonly HttpClient _sidecar = factory.CreateClient();

    [Theory]
    [InlineData(NotificationTemplates.VerifyEmail, "Confirm your email address")]
    [InlineData(NotificationTemplates.ResetPassword, "Reset your password")]
    public async Task The_token_is_in_the_email_only_even_after_a_failed_attempt(string template, string subject)
    {
        var userId = NewId("user");
        var email = $"{userId}@example.com";
        var token = $"tok{Guid.NewGuid():N}";
        var requested = new NotificationRequestedV1(userId, NotificationChannel.Email, email, template, new Dictionary<string, string>
        {
            ["name"] = "Grace",
            ["token"] = token,
            ["expiresAt"] = "2030-01-02T03:04:05.0000000+00:00",
        });
        factory.Bindings.FailNext("email", 1, transient: true);

        Assert.Equal("RETRY", await DeliverAsync(_sidecar, Topics.NotificationsRequested, requested));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.NotificationsRequested, requested));
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.NotificationsRequested, requested));

        var eml = Assert.Single(EmailsTo(factory, email));
        Assert.Equal(subject, Header(eml, "Subject"));
        Assert.Contains(token, eml, StringComparison.Ordinal);
        Assert.Contains("Hello Grace,", eml, StringComparison.Ordinal);
        Assert.Contains("2030-01-02 03:04 (UTC)", eml, StringComparison.Ordinal);

        var history = Assert.Single(await HistoryAsync(factory, userId));
        Assert.Equal("sent", Status(history));
        Assert.Equal(2, history.GetProperty("attempts").GetInt32());
        Assert.Equal(template, history.GetProperty("eventType").GetString());
        var client = factory.ClientAs("customer", userId);
        foreach (var path in new[] { "/api/notifications/history", "/api/notifications/feed", $"/api/notifications/admin/users/{userId}/history" })
        {
            var reader = path.Contains("admin", StringComparison.Ordinal) ? factory.ClientAs("admin") : client;
            Assert.DoesNotContain(token, await (await reader.GetAsync(path)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(token, string.Concat(factory.Store.Snapshot().Values), StringComparison.Ordinal);
        Assert.NotEmpty(NotificationApiFactory.Logs.Lines);
        Assert.DoesNotContain(token, NotificationApiFactory.Logs.All, StringComparison.Ordinal);
        // The request's recipient becomes the contact of a user not known yet.
        Assert.Contains(factory.Store.Snapshot(), pair => pair.Key == $"contact|{userId}" && pair.Value.Contains(email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_for_a_template_or_channel_the_service_does_not_have_is_dropped()
    {
        var userId = NewId("user");
        var parameters = new Dictionary<string, string> { ["token"] = "secret-1" };

        Assert.Equal("DROP", await DeliverAsync(_sidecar, Topics.NotificationsRequested,
            new NotificationRequestedV1(userId, NotificationChannel.Email, "x@example.com", "identity.unknown", parameters)));
        Assert.Equal("DROP", await DeliverAsync(_sidecar, Topics.NotificationsRequested,
            new NotificationRequestedV1(userId, NotificationChannel.Push, "x@example.com", NotificationTemplates.VerifyEmail, parameters)));
        Assert.DoesNotContain("secret-1", NotificationApiFactory.Logs.All, StringComparison.Ordinal);
    }
}
