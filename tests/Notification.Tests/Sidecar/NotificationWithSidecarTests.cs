using System.Text;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Identity;
using Ecommerce.Contracts.Notifications;
using Ecommerce.Contracts.Ordering;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.Notification.Tests.Sidecar;

/// <summary>
/// The real service beside a real DaprLocal sidecar: events published on <c>events</c> and <c>tasks</c> arrive through
/// the programmatic subscriptions, state goes to SQLite, and email leaves through the <c>email</c> binding — as .eml
/// files with bindings.localstorage, and over SMTP with bindings.smtp.
/// </summary>
public sealed class NotificationWithSidecarTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Published_events_become_eml_files_once_each_and_the_token_is_only_in_its_email()
    {
        await using var environment = await NotificationEnvironment.StartAsync();
        var userId = $"user-{Guid.NewGuid():N}";
        var email = $"{userId}@example.com";
        var registered = new UserRegisteredV1(userId, email, "Ada Lovelace");
        var token = $"token{Guid.NewGuid():N}";

        await environment.PublishAsync(Components.EventsPubSub, Topics.UsersRegistered, registered);
        await environment.PublishAsync(Components.EventsPubSub, Topics.UsersRegistered, registered);
        await environment.PublishAsync(Components.TasksPubSub, Topics.NotificationsRequested, new NotificationRequestedV1(
            userId, NotificationChannel.Email, email, NotificationTemplates.VerifyEmail,
            new Dictionary<string, string> { ["name"] = "Ada Lovelace", ["token"] = token, ["expiresAt"] = "2030-01-01T00:00:00Z" }));

        await Eventually.TrueAsync(() => Emails(environment).Count >= 2, Patience, "two emails written");
        var client = environment.Client("customer", userId);
        await Eventually.TrueAsync(async () =>
            (await JsonAsync(client, "api/notifications/history")).GetProperty("totalCount").GetInt32() == 3
            && (await JsonAsync(client, "api/notifications/history")).GetProperty("items").EnumerateArray().All(item => item.GetProperty("status").GetString() == "sent"),
            Patience, "three deliveries sent");
        var emails = Emails(environment);
        Assert.Equal(2, emails.Count);
        var welcome = Assert.Single(emails, eml => eml.Contains("Subject: Welcome to the shop, Ada Lovelace\r\n", StringComparison.Ordinal));
        Assert.Contains($"\r\nTo: {email}\r\n", welcome, StringComparison.Ordinal);
        Assert.Contains("\r\nMessage-ID: <", welcome, StringComparison.Ordinal);
        var verification = Assert.Single(emails, eml => eml.Contains("Subject: Confirm your email address\r\n", StringComparison.Ordinal));
        Assert.Contains(token, verification, StringComparison.Ordinal);

        var feed = await JsonAsync(client, "api/notifications/feed");
        Assert.Equal("Welcome, Ada Lovelace", Assert.Single(feed.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        foreach (var file in Directory.GetFiles(environment.Root, "notification.db*"))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)));
        }
    }

    [Fact]
    public async Task With_an_smtp_binding_the_same_service_sends_mail_over_smtp()
    {
        await using var sink = new SmtpSink();
        await using var environment = await NotificationEnvironment.StartAsync(smtpPort: sink.Port);
        var userId = $"user-{Guid.NewGuid():N}";
        var email = $"{userId}@example.com";
        var orderId = $"order-{Guid.NewGuid():N}";

        await environment.PublishAsync(Components.EventsPubSub, Topics.UsersRegistered, new UserRegisteredV1(userId, email, "Grace Hopper"));
        await Eventually.TrueAsync(() => !sink.Messages.IsEmpty, Patience, "the welcome mail received");
        await environment.PublishAsync(Components.EventsPubSub, Topics.OrdersConfirmed, new OrderConfirmedV1(orderId, userId, "EUR", 42.5m, []));

        await Eventually.TrueAsync(() => sink.Messages.Count >= 2, Patience, "the confirmation mail received");
        var confirmation = Assert.Single(sink.Messages, message => message.Data.Contains($"Subject: Order {orderId} confirmed", StringComparison.Ordinal));
        Assert.Equal("shop@ecommerce.test", confirmation.From);
        Assert.Equal([email], confirmation.To);
        Assert.Contains("text/html", confirmation.Data, StringComparison.Ordinal);
        Assert.Single(sink.Messages, message => message.Data.Contains("Subject: Welcome to the shop, Grace Hopper", StringComparison.Ordinal));
        Assert.Empty(Directory.Exists(environment.MailDirectory) ? Directory.GetFiles(environment.MailDirectory) : []);
    }

    private static List<string> Emails(NotificationEnvironment environment) =>
        Directory.Exists(environment.MailDirectory)
            ? [.. Directory.GetFiles(environment.MailDirectory, "*.eml").Select(file => File.ReadAllText(file))]
            : [];

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }

    private static async Task<byte[]> ReadSharedAsync(string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
