using System.Net.Http.Json;
using System.Text.Json;

namespace Ecommerce.Cart.Tests.Api;

/// <summary>The calls a storefront makes, as one-liners for the tests.</summary>
internal static class CartRequests
{
    public const string CartIdHeader = "X-Cart-Id";

    public static async Task<HttpResponseMessage> AddAsync(HttpClient client, string sku, int quantity, string? cartId = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/cart/lines") { Content = JsonContent.Create(new { sku, quantity }) };
        if (cartId is not null)
        {
            request.Headers.Add(CartIdHeader, cartId);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? cartId = null, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (cartId is not null)
        {
            request.Headers.Add(CartIdHeader, cartId);
        }
        return await client.SendAsync(request);
    }

    public static string CartIdOf(HttpResponseMessage response) => response.Headers.GetValues(CartIdHeader).Single();

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<Dictionary<string, int>> QuantitiesAsync(HttpResponseMessage response) =>
        (await JsonAsync(response)).GetProperty("lines").EnumerateArray()
            .ToDictionary(line => line.GetProperty("sku").GetString()!, line => line.GetProperty("quantity").GetInt32());
}
