using System.Net.Http.Json;
using System.Text.Json;

namespace Ecommerce.Shipping.Tests.Api;

/// <summary>The calls the ordering service and the storefront make, as one-liners for the tests.</summary>
internal static class ShippingRequests
{
    public static string NewOrderId() => $"order-{Guid.NewGuid():N}";

    public static object Shipment(string orderId, string method = "standard", string postalCode = "10115", string country = "DE", int weightGrams = 400, int quantity = 2) => new
    {
        orderId,
        method,
        address = new { name = "Ada Lovelace", lines = new[] { "Unter den Linden 1" }, city = "Berlin", postalCode, country },
        lines = new[] { new { sku = "SHOE-1", quantity, weightGrams } },
    };

    public static Task<HttpResponseMessage> CreateAsync(HttpClient client, object shipment) =>
        client.PostAsJsonAsync("api/shipping/shipments", shipment);

    public static Task<HttpResponseMessage> CancelAsync(HttpClient client, string orderId) =>
        client.PostAsync(new Uri($"api/shipping/shipments/{orderId}/cancel", UriKind.Relative), null);

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static List<string> Statuses(JsonElement view) =>
        [.. view.GetProperty("history").EnumerateArray().Select(step => step.GetProperty("status").GetString()!)];
}
