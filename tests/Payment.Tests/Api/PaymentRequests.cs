using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Payment.Model;

namespace Ecommerce.Payment.Tests.Api;

/// <summary>Requests and readers shared by the API and sidecar tests.</summary>
internal static class PaymentRequests
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static object Card(string number, string cvc = "123", int month = 12, int? year = null, string holder = "Ada Lovelace") =>
        new { cardNumber = number, expiryMonth = month, expiryYear = year ?? DateTime.UtcNow.Year + 3, cvc, holderName = holder };

    public static Task<HttpResponseMessage> AddCardAsync(HttpClient customer, string number, string cvc = "123") =>
        customer.PostAsJsonAsync("api/payments/methods", Card(number, cvc));

    /// <summary>Tokenizes the card and answers its token.</summary>
    public static async Task<string> MethodAsync(HttpClient customer, string number = TestCards.Success)
    {
        var response = await AddCardAsync(customer, number);
        response.EnsureSuccessStatusCode();
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    public static object Authorization(string key, string userId, string methodId, decimal amount = 50m, string? orderId = null,
        string currency = "EUR", string billing = "DE", string shipping = "DE") =>
        new { idempotencyKey = key, orderId = orderId ?? key, userId, paymentMethodId = methodId, amount, currency, billingCountry = billing, shippingCountry = shipping };

    public static Task<HttpResponseMessage> AuthorizeAsync(HttpClient service, object request) =>
        service.PostAsJsonAsync("api/payments/authorizations", request);

    public static Task<HttpResponseMessage> CaptureAsync(HttpClient service, string paymentId, string key, decimal? amount = null) =>
        service.PostAsJsonAsync($"api/payments/{paymentId}/capture", new { idempotencyKey = key, amount });

    public static Task<HttpResponseMessage> VoidAsync(HttpClient service, string paymentId, string key) =>
        service.PostAsJsonAsync($"api/payments/{paymentId}/void", new { idempotencyKey = key });

    public static Task<HttpResponseMessage> RefundAsync(HttpClient service, string paymentId, string key, decimal amount) =>
        service.PostAsJsonAsync($"api/payments/{paymentId}/refunds", new { idempotencyKey = key, amount });

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    public static async Task<string> IdAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("id").GetString()!;
}
