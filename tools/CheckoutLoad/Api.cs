using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ecommerce.CheckoutLoad;

/// <summary>A gateway client for one account: JSON in and out, any unexpected answer is an error with its body.</summary>
internal sealed class Api(HttpClient http)
{
    public static HttpClient NewClient() =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 4, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = PlatformUnderLoad.Gateway,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public async Task SignInAsync(string email, string password)
    {
        var signedIn = await SendAsync(HttpMethod.Post, "api/identity/login", new { email, password });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signedIn["accessToken"]!.GetValue<string>());
    }

    public Task<JsonNode> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<JsonNode> PostAsync(string path, object body, string? idempotencyKey = null) => SendAsync(HttpMethod.Post, path, body, idempotencyKey);

    public Task<JsonNode> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}", null, response.StatusCode);
        }
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
