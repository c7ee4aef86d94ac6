using System.Net;
using System.Text.Json.Nodes;

namespace Ecommerce.EndToEnd.Tests.Journey;

/// <summary>The seeded admin at the back office, through the gateway like everyone else.</summary>
internal sealed class BackOffice(HttpClient http) : ApiClient(http)
{
    /// <summary>The warehouse the inventory service makes for the catalog's stock.</summary>
    private const string Warehouse = "main";

    public async Task SignInAsync(string email, string password)
    {
        var signedIn = await PostAsync("api/identity/login", new { email, password }, HttpStatusCode.OK);
        UseToken(signedIn["accessToken"]!.GetValue<string>());
    }

    /// <summary>A new active product with one SKU, priced and stocked; returns the product id and the SKU.</summary>
    public async Task<(string ProductId, string Sku)> StockNewProductAsync(decimal price, int stock)
    {
        var sku = $"E2E-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        // A category of the test's own: the platform runs without the demo catalog.
        var category = await PostAsync("api/catalog/categories", new { name = $"Test shoes {sku}" }, HttpStatusCode.Created);
        var product = await PostAsync("api/catalog/products", new
        {
            name = $"Trail runner {sku}",
            description = "A shoe made for an end-to-end test.",
            brand = "Testwear",
            categoryId = category["id"]!.GetValue<string>(),
            status = "active",
            variants = new[] { new { sku, options = new Dictionary<string, string> { ["size"] = "42" }, weightGrams = 700 } },
        }, HttpStatusCode.Created);
        await PutAsync($"api/pricing/prices/{sku}/{Shopper.Currency}", new { price }, HttpStatusCode.Created);
        // Inventory learns the SKU from the catalog's event: until then an adjustment is refused.
        await Polling.UntilAsync(
            async () => (await SendAsync(HttpMethod.Post, $"api/inventory/items/{sku}/adjustments",
                new { warehouseId = Warehouse, change = stock, reason = "received", note = "end-to-end test" }, null)).StatusCode,
            status => status is HttpStatusCode.OK or HttpStatusCode.Created,
            TimeSpan.FromSeconds(30),
            status => $"stock adjustment answered {(int)status}");
        return (product["id"]!.GetValue<string>(), sku);
    }

    public async Task<JsonNode> StockAsync(string sku) => await GetAsync($"api/inventory/items/{sku}");

    public async Task DecideFraudReviewAsync(string orderId, bool approve) =>
        await PostAsync($"api/orders/admin/orders/{orderId}/fraud-review", new { approve, reason = "end-to-end test" }, HttpStatusCode.Accepted);

    public async Task DecideReturnAsync(string orderId, bool approve) =>
        await PostAsync($"api/orders/admin/orders/{orderId}/return-decision", new { approve, reason = "end-to-end test" }, HttpStatusCode.Accepted);

    public async Task<JsonNode> SagaAsync(string orderId) => await GetAsync($"api/orders/admin/orders/{orderId}/saga");
}
