using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Gateway.Tests.Environment;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Gateway.Tests;

/// <summary>
/// <c>GET /api/storefront/products/{id}</c>: the real catalog's product, then prices (stand-in pricing,
/// answering like the real one: a 422 naming unpriced SKUs) and availability (stand-in inventory) at
/// once. A missing part makes a partial page, a missing catalog a 503, an unknown product a 404.
/// </summary>
[Collection(WithRealCatalog.Name)]
public sealed class StorefrontTests(CatalogFixture fixture)
{
    private static readonly TimeSpan NotAHang = TimeSpan.FromSeconds(4);

    private GatewayEnvironment Environment => fixture.Environment;

    [Fact]
    public async Task A_product_page_has_the_shoppers_prices_and_availability()
    {
        var (priced, unpriced) = ($"SHOE-{Guid.NewGuid():N}"[..14] + "42", $"SHOE-{Guid.NewGuid():N}"[..14] + "43");
        var (id, categoryId) = await fixture.CreateProductAsync(priced, unpriced);
        AnswerPricing(new Dictionary<string, decimal> { [priced] = 100m });
        AnswerInventory(new Dictionary<string, int> { [priced] = 3, [unpriced] = 0 });
        using var anonymous = Environment.Client();

        var response = await anonymous.GetAsync(new Uri($"api/storefront/products/{id}?currency=EUR", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Warning"));
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(id, page.GetProperty("product").GetProperty("id").GetString());
        Assert.Equal([priced, unpriced], page.GetProperty("product").GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("sku").GetString()));
        Assert.Equal("EUR", page.GetProperty("currency").GetString());
        var price = page.GetProperty("prices").GetProperty(priced);
        Assert.Equal((90m, 100m), (price.GetProperty("amount").GetDecimal(), price.GetProperty("unitPrice").GetDecimal()));
        Assert.Equal("Summer sale", Assert.Single(price.GetProperty("reasons").EnumerateArray()).GetString());
        Assert.False(page.GetProperty("prices").TryGetProperty(unpriced, out _), "a SKU without a price in EUR has none");
        Assert.Equal((3, 0), (page.GetProperty("availability").GetProperty(priced).GetInt32(), page.GetProperty("availability").GetProperty(unpriced).GetInt32()));
        Assert.Empty(page.GetProperty("missing").EnumerateArray());
        // Quoted one of each, in the product's category and the currency asked for; re-quoted without the unpriced SKU.
        var quotes = Environment.StandIn(AppIds.Pricing).Requests.Where(r => r.Body.Contains(priced, StringComparison.Ordinal)).ToList();
        var first = JsonDocument.Parse(quotes[0].Body).RootElement;
        Assert.Equal("EUR", first.GetProperty("currency").GetString());
        Assert.All(first.GetProperty("lines").EnumerateArray(), line => Assert.Equal((1, categoryId), (line.GetProperty("quantity").GetInt32(), line.GetProperty("categoryId").GetString())));
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, quote => Assert.Equal("gateway", quote.Header("dapr-caller-app-id")));
    }

    [Fact]
    public async Task A_slow_part_is_left_out_and_the_page_says_it_is_partial()
    {
        var sku = $"SOCK-{Guid.NewGuid():N}"[..14] + "01";
        var (id, _) = await fixture.CreateProductAsync(sku);
        AnswerPricing(new Dictionary<string, decimal> { [sku] = 9.5m });
        Environment.StandIn(AppIds.Inventory).Respond = async (_, aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), aborted);
            return Results.Ok();
        };
        using var anonymous = Environment.Client();

        var watch = Stopwatch.StartNew();
        var response = await anonymous.GetAsync(new Uri($"api/storefront/products/{id}?currency=EUR", UriKind.Relative));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, NotAHang);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("inventory", response.Headers.GetValues("Warning").Single(), StringComparison.Ordinal);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Null, page.GetProperty("availability").ValueKind);
        Assert.Equal(8.55m, page.GetProperty("prices").GetProperty(sku).GetProperty("amount").GetDecimal());
        Assert.Equal(["inventory"], page.GetProperty("missing").EnumerateArray().Select(part => part.GetString()));
    }

    [Fact]
    public async Task An_unknown_product_is_a_404_problem_and_a_bad_currency_a_400()
    {
        using var anonymous = Environment.Client();

        var unknown = await anonymous.GetAsync(new Uri($"api/storefront/products/{Guid.NewGuid():N}?currency=EUR", UriKind.Relative));
        var badCurrency = await anonymous.GetAsync(new Uri("api/storefront/products/abc?currency=euro", UriKind.Relative));

        await Problems.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        var problem = await Problems.AssertProblemAsync(badCurrency, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("currency", out _));
    }

    /// <summary>Pricing as the real one answers: 422 naming the SKUs without a price, else a quote (10 % "Summer sale" off each line).</summary>
    private void AnswerPricing(Dictionary<string, decimal> prices) =>
        Environment.StandIn(AppIds.Pricing).Respond = (request, _) =>
        {
            var body = JsonDocument.Parse(request.Body).RootElement;
            var skus = body.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("sku").GetString()!).ToList();
            var unpriced = skus.Where(sku => !prices.ContainsKey(sku)).ToList();
            if (unpriced.Count > 0)
            {
                return Task.FromResult(Results.Problem(title: "Some SKUs have no price in this currency.", statusCode: 422, extensions: new Dictionary<string, object?> { ["skus"] = unpriced }));
            }
            return Task.FromResult(Results.Json(new
            {
                currency = body.GetProperty("currency").GetString(),
                lines = skus.Select(sku => new
                {
                    sku, quantity = 1, unitPrice = prices[sku], compareAtPrice = (decimal?)null, subtotal = prices[sku],
                    discounts = new[] { new { source = "promotion", sourceId = "summer", reason = "Summer sale", amount = prices[sku] / 10 } },
                    discountTotal = prices[sku] / 10, netAmount = prices[sku] * 0.9m, taxAmount = 0m, total = prices[sku] * 0.9m,
                }),
            }));
        };

    private void AnswerInventory(Dictionary<string, int> available) =>
        Environment.StandIn(AppIds.Inventory).Respond = (request, _) => Task.FromResult(Results.Json(new
        {
            items = JsonDocument.Parse(request.Body).RootElement.GetProperty("skus").EnumerateArray()
                .Select(sku => new { sku = sku.GetString(), available = available.GetValueOrDefault(sku.GetString()!), revision = 1 }),
        }));
}
