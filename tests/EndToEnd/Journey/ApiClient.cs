using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ecommerce.EndToEnd.Tests.Journey;

/// <summary>
/// A client of the gateway that reads answers as JSON and fails a test with the whole answer (status, challenge and
/// ProblemDetails) when a call does not give what it expected.
/// </summary>
internal class ApiClient(HttpClient http)
{
    protected HttpClient Http { get; } = http;

    public void UseToken(string accessToken) =>
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

    public async Task<JsonNode> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadAsync(await Http.GetAsync(new Uri(path, UriKind.Relative)), expected, $"GET {path}");

    public async Task<JsonNode> PostAsync(string path, object? body, HttpStatusCode expected, IReadOnlyDictionary<string, string>? headers = null) =>
        await ReadAsync(await SendAsync(HttpMethod.Post, path, body, headers), expected, $"POST {path}");

    public async Task<JsonNode> PutAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadAsync(await SendAsync(HttpMethod.Put, path, body, null), expected, $"PUT {path}");

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, IReadOnlyDictionary<string, string>? headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }
        return await Http.SendAsync(request);
    }

    protected static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string call)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            // A refused token's reason is in WWW-Authenticate, not in the body.
            var challenge = string.Join(", ", response.Headers.WwwAuthenticate);
            Assert.True(response.StatusCode == expected, $"{call}: expected {(int)expected}, got {(int)response.StatusCode} {challenge} {text}");
            return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
        }
    }
}
