using System.Net;

namespace Ecommerce.CheckoutLoad;

/// <summary>What the load needs before it starts: SKUs with a price and stock (made by the admin) and shoppers with a card.</summary>
internal static class Storefront
{
    public const string Currency = "EUR";
    private const string Warehouse = "main";

    public static async Task<IReadOnlyList<string>> StockSkusAsync(Api admin, int count, int stock)
    {
        // A category of the load's own: the platform runs without the demo catalog.
        var category = await admin.PostAsync("api/catalog/categories", new { name = $"Load test {Guid.NewGuid():N}"[..20] });
        var skus = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var sku = $"LOAD-{Guid.NewGuid():N}"[..17].ToUpperInvariant();
            await admin.PostAsync("api/catalog/products", new
            {
                name = $"Load test item {sku}",
                description = "Made by tools/CheckoutLoad.",
                brand = "Loadwear",
                categoryId = category["id"]!.GetValue<string>(),
                status = "active",
                variants = new[] { new { sku, options = new Dictionary<string, string> { ["size"] = "M" }, weightGrams = 400 } },
            });
            await admin.PutAsync($"api/pricing/prices/{sku}/{Currency}", new { price = 10m + i });
            skus.Add(sku);
        }
        foreach (var sku in skus)
        {
            // Inventory learns a SKU from the catalog's event; until then the adjustment is refused.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await admin.PostAsync($"api/inventory/items/{sku}/adjustments", new { warehouseId = Warehouse, change = stock, reason = "received" });
                    break;
                }
                catch (HttpRequestException error) when (attempt < 120 && error.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
                {
                    await Task.Delay(250);
                }
            }
        }
        return skus;
    }

    /// <summary>Registers, signs in and saves the always-approved test card; returns the shopper's client and card.</summary>
    public static async Task<(Api Shopper, string Card)> NewShopperAsync()
    {
        var api = new Api(Api.NewClient());
        var email = $"load-{Guid.NewGuid():N}@example.com";
        var password = "Load-Test-" + Guid.NewGuid().ToString("N")[..10];
        await api.PostAsync("api/identity/register", new { email, password, name = "Load Shopper" });
        await api.SignInAsync(email, password);
        var card = await api.PostAsync("api/payments/methods", new
        {
            cardNumber = "4242424242424242",
            expiryMonth = 12,
            expiryYear = DateTime.UtcNow.Year + 3,
            cvc = "123",
            holderName = "Load Shopper",
        });
        return (api, card["id"]!.GetValue<string>());
    }
}
