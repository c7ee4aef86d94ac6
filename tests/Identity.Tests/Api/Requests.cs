using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ecommerce.Identity.Tests.Api;

/// <summary>The calls a client makes, as one-liners for the tests (paths relative to the service root).</summary>
internal static class Requests
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? accessToken = null, params (string Name, string Value)[] headers) =>
        SendAsync(client, HttpMethod.Post, path, body, accessToken, headers);

    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, object? body = null, string? accessToken = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = body is null ? null : JsonContent.Create(body) };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password = "correct horse battery", string name = "Ada Lovelace") =>
        PostAsync(client, "api/identity/register", new { email, password, name });

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password = "correct horse battery", params (string Name, string Value)[] headers) =>
        PostAsync(client, "api/identity/login", new { email, password }, null, headers);

    /// <summary>Signs in and returns (access token, refresh token); fails the test otherwise.</summary>
    public static async Task<(string Access, string Refresh)> TokensAsync(HttpClient client, string email, string password = "correct horse battery", params (string Name, string Value)[] headers)
    {
        var response = await LoginAsync(client, email, password, headers);
        var body = await JsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"login gave {(int)response.StatusCode}: {body}");
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }
}
