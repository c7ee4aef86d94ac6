using System.Net;
using System.Net.Http.Json;
using static Ecommerce.Shipping.Tests.Api.ShippingRequests;

namespace Ecommerce.Shipping.Tests.Api;

/// <summary>GET/PUT /api/shipping/rates: admins only; a saved table prices the next quote. Its own factory: it changes the table.</summary>
public sealed class RateTableTests(ShippingApiFactory factory) : IClassFixture<ShippingApiFactory>
{
    private static readonly object Table = new
    {
        currency = "EUR",
        methods = new[]
        {
            new { method = "standard", zones = new[] { new { zone = "domestic", deliveryDays = 2, bands = new[] { new { upToGrams = 1000, price = 3.50m }, new { upToGrams = 5000, price = 5.00m } } } } },
        },
    };

    [Fact]
    public async Task Only_admins_read_and_replace_the_table_and_a_saved_table_prices_the_next_quote()
    {
        var admin = factory.ClientAs("admin");
        var seeded = await JsonAsync(await GetAsync(admin, "api/shipping/rates"));
        var anonymous = await factory.CreateClient().PutAsJsonAsync("api/shipping/rates", Table);
        var support = await factory.ClientAs("support").PutAsJsonAsync("api/shipping/rates", Table);
        var ordering = await GetAsync(factory.Ordering(), "api/shipping/rates");

        var saved = await admin.PutAsJsonAsync("api/shipping/rates", Table);
        var read = await JsonAsync(await GetAsync(admin, "api/shipping/rates"));
        var quote = await JsonAsync(await factory.CreateClient().PostAsJsonAsync("api/shipping/options",
            new { country = "DE", postalCode = "10115", lines = new[] { new { sku = "BOX-1", quantity = 3, weightGrams = 500 } } }));

        Assert.Equal(3, seeded.GetProperty("methods").GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, support.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ordering.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, read.GetProperty("methods").GetArrayLength());
        var only = Assert.Single(quote.GetProperty("options").EnumerateArray());
        Assert.Equal(("standard", 5.00m, "2026-11-04"), (Text(only, "method"), only.GetProperty("price").GetDecimal(), Text(only, "estimatedDelivery")));
    }

    [Fact]
    public async Task A_table_with_bands_out_of_order_or_a_negative_price_is_refused()
    {
        var response = await factory.ClientAs("admin").PutAsJsonAsync("api/shipping/rates", new
        {
            currency = "eur",
            methods = new[]
            {
                new { method = "express", zones = new[] { new { zone = "eu", deliveryDays = 2, bands = new[] { new { upToGrams = 5000, price = 9m }, new { upToGrams = 1000, price = -1m } } } } },
            },
        });

        var noMethods = await factory.ClientAs("admin").PutAsJsonAsync("api/shipping/rates", new { currency = "EUR", methods = (object?)null });
        var noBands = await factory.ClientAs("admin").PutAsJsonAsync("api/shipping/rates",
            new { currency = "EUR", methods = new[] { new { method = "standard", zones = new[] { new { zone = "eu", deliveryDays = 2, bands = (object?)null } } } } });

        Assert.Equal(HttpStatusCode.BadRequest, noMethods.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noBands.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.All(["currency", "methods[0].zones[0].bands", "methods[0].zones[0].bands[1].price"], field => Assert.True(errors.TryGetProperty(field, out _), field));
    }
}
