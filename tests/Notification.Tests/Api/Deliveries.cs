using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Identity;

namespace Ecommerce.Notification.Tests.Api;

/// <summary>Events delivered the way the sidecar delivers them (a POST to the subscription route), and small helpers.</summary>
internal static class Deliveries
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Delivers the event and answers the status the service told the sidecar (SUCCESS, RETRY, DROP).</summary>
    public static async Task<string> DeliverAsync<T>(HttpClient sidecar, string topic, T data)
        where T : IntegrationEvent
    {
        var response = await sidecar.PostAsync($"/integration-events/{topic}", JsonContent.Create(data, options: JsonConventions.Options));
        response.EnsureSuccessStatusCode();
        return (await JsonAsync(response)).GetProperty("status").GetString()!;
    }

    /// <summary>A registered user (the contact directory learns the email and name).</summary>
    public static async Task<string> RegisteredAsync(HttpClient sidecar, string? email = null, string name = "Ada Lovelace")
    {
        var userId = NewId("user");
        Assert.Equal("SUCCESS", await DeliverAsync(sidecar, Topics.UsersRegistered, new UserRegisteredV1(userId, email ?? $"{userId}@example.com", name)));
        return userId;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    /// <summary>The user's history items (first page of 100).</summary>
    public static async Task<List<JsonElement>> HistoryAsync(NotificationApiFactory factory, string userId) =>
        [.. (await GetJsonAsync(factory.ClientAs("admin"), $"/api/notifications/admin/users/{userId}/history?pageSize=100")).GetProperty("items").EnumerateArray()];

    /// <summary>The user's feed items (newest first).</summary>
    public static async Task<List<JsonElement>> FeedAsync(NotificationApiFactory factory, string userId) =>
        [.. (await GetJsonAsync(factory.ClientAs("customer", userId), "/api/notifications/feed?limit=100")).GetProperty("items").EnumerateArray()];

    /// <summary>The .eml files written for a recipient (the localstorage email binding's data, decoded).</summary>
    public static List<string> EmailsTo(NotificationApiFactory factory, string address) =>
        [.. factory.Bindings.To("email").Select(invocation => invocation.FileText).Where(eml => eml.Contains($"\r\nTo: {address}\r\n", StringComparison.Ordinal))];

    public static string Header(string eml, string name) =>
        eml.Split("\r\n").First(line => line.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..];

    public static string Status(JsonElement item) => item.GetProperty("status").GetString()!;

    public static string Channel(JsonElement item) => item.GetProperty("channel").GetString()!;
}
