using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Ordering.Infrastructure;

namespace Ecommerce.Ordering.Tests.Api;

/// <summary>Requests and readings the API tests share.</summary>
internal static class OrderRequests
{
    public static object Body(string paymentMethodId = "pm-1", string postalCode = "10115", string? couponCode = null) => new
    {
        shippingAddress = new { recipient = "Ada Lovelace", line1 = "Unter den Linden 1", city = "Berlin", postalCode, country = "DE", phone = "+49 30 1234567" },
        shippingMethod = "standard",
        paymentMethodId,
        couponCode,
        currency = "EUR",
    };

    public static IReadOnlyList<CartLine> Lines(params (string Sku, int Quantity)[] lines) =>
        [.. lines.Select(line => new CartLine(line.Sku, line.Quantity, "shoes"))];

    public static async Task<HttpResponseMessage> PlaceAsync(HttpClient client, string? key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    public static async Task<string> OrderIdAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("orderId").GetString()!;

    public static async Task<string[]> FieldErrorsAsync(HttpResponseMessage response)
    {
        var json = await JsonAsync(response);
        return [.. json.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
