using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ecommerce.Pricing.Tests.Api;

public sealed class QuotesApiTests(PricingApiFactory factory) : IClassFixture<PricingApiFactory>
{
    [Fact]
    public async Task Anyone_gets_a_quote_priced_from_the_price_book_not_from_the_request()
    {
        var sku = await PricedSkuAsync(25m);

        var response = await factory.CreateClient().PostAsJsonAsync("/api/pricing/quotes", new
        {
            currency = "EUR",
            lines = new[] { new { sku, quantity = 2, categoryId = "shoes", unitPrice = 0.01m } },
            shippingCost = 4.90m,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var quote = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(25m, quote.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(54.90m, quote.GetProperty("totals").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_sku_without_a_price_in_the_currency_is_422_naming_it()
    {
        var sku = await PricedSkuAsync(25m);

        var response = await factory.CreateClient().PostAsJsonAsync("/api/pricing/quotes", new
        {
            currency = "USD",
            lines = new[] { new { sku, quantity = 1 } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(sku, problem.GetProperty("skus")[0].GetString());
    }

    [Fact]
    public async Task An_invalid_request_is_400_with_field_paths_as_the_client_wrote_them()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/pricing/quotes", new
        {
            currency = "XYZ",
            lines = new object[] { new { sku = "OK-1", quantity = 1 }, new { sku = "", quantity = 0 } },
            couponCodes = new List<string> { "!" },
            destination = new { country = "France" },
            shippingCost = -1,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "currency", "lines[1].sku", "lines[1].quantity", "couponCodes[0]", "destination.country", "shippingCost" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task An_unreadable_body_is_a_400_problem_not_a_500()
    {
        var response = await factory.CreateClient().PostAsync("/api/pricing/quotes", new StringContent("{\"currency\": 12", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_signed_in_customer_is_limited_by_their_own_usage_whatever_the_body_says()
    {
        var sku = await PricedSkuAsync(100m);
        var code = await CouponAsync(perCustomerLimit: 1);
        await ConfirmOrderAsync($"order-{Guid.NewGuid():N}", "customer-used", code);
        var body = new { currency = "EUR", lines = new[] { new { sku, quantity = 1 } }, couponCodes = new[] { code }, customerId = "someone-else" };

        var signedIn = await factory.ClientAs("customer", subject: "customer-used").PostAsJsonAsync("/api/pricing/quotes", body);
        var anonymous = await factory.CreateClient().PostAsJsonAsync("/api/pricing/quotes", body);

        var refused = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("coupons")[0];
        Assert.False(refused.GetProperty("applied").GetBoolean());
        Assert.Equal("Already used the maximum number of times by this customer.", refused.GetProperty("reason").GetString());
        Assert.True((await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("coupons")[0].GetProperty("applied").GetBoolean());
    }

    [Fact]
    public async Task An_order_confirmed_twice_counts_its_coupons_once()
    {
        var code = await CouponAsync(perCustomerLimit: null);
        var orderId = $"order-{Guid.NewGuid():N}";

        await ConfirmOrderAsync(orderId, "customer-1", code);
        await ConfirmOrderAsync(orderId, "customer-1", code.ToLowerInvariant());
        await ConfirmOrderAsync($"order-{Guid.NewGuid():N}", "customer-2", code);

        var usage = await factory.ClientAs("support").GetFromJsonAsync<JsonElement>($"/api/pricing/coupons/{code}/usage?customerId=customer-1");
        Assert.Equal(2, usage.GetProperty("timesUsed").GetInt32());
        Assert.Equal(1, usage.GetProperty("timesUsedByCustomer").GetInt32());
    }

    [Fact]
    public async Task An_order_event_without_an_order_id_is_dropped_not_retried()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/integration-events/orders-confirmed", new { orderId = "", customerId = "c", currency = "EUR", total = 1, couponCodes = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DROP", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_has_the_quote_with_an_example_and_subscribes_to_orders_confirmed()
    {
        var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var subscriptions = await client.GetStringAsync("/dapr/subscribe");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/pricing/quotes", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var quoteRequest = schemas.EnumerateObject().Single(schema => schema.Name.EndsWith(".QuoteRequest", StringComparison.Ordinal)).Value;
        Assert.Equal("EUR", quoteRequest.GetProperty("example").GetProperty("currency").GetString());
        Assert.False(document.GetProperty("paths").TryGetProperty("/integration-events/orders-confirmed", out _));
        Assert.Contains("orders.confirmed", subscriptions, StringComparison.Ordinal);
    }

    private async Task<string> PricedSkuAsync(decimal price)
    {
        var sku = $"Q-{Guid.NewGuid():N}"[..16];
        var response = await factory.ClientAs("admin").PutAsJsonAsync($"/api/pricing/prices/{sku}/EUR", new { price });
        response.EnsureSuccessStatusCode();
        return sku;
    }

    private async Task<string> CouponAsync(int? perCustomerLimit)
    {
        var code = $"Q{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var response = await factory.ClientAs("admin").PostAsJsonAsync("/api/pricing/coupons", new
        {
            code,
            offer = new { kind = "percent", value = 10, scope = "cart" },
            perCustomerLimit,
        });
        response.EnsureSuccessStatusCode();
        return code;
    }

    private async Task ConfirmOrderAsync(string orderId, string customerId, string code)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/integration-events/orders-confirmed", new
        {
            orderId,
            customerId,
            currency = "EUR",
            total = 90m,
            couponCodes = new[] { code },
        });
        response.EnsureSuccessStatusCode();
    }
}
