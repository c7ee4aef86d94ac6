using System.Net;
using System.Net.Http.Json;
using static Ecommerce.Shipping.Tests.Api.ShippingRequests;

namespace Ecommerce.Shipping.Tests.Api;

/// <summary>POST /api/shipping/options with the rate table of appsettings.json (origin DE, EUR), on Monday 2 November 2026.</summary>
public sealed class ShippingOptionsTests(ShippingApiFactory factory) : IClassFixture<ShippingApiFactory>
{
    [Fact]
    public async Task A_domestic_parcel_gets_every_method_cheapest_first_with_business_day_estimates()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("api/shipping/options",
            new { country = "DE", postalCode = "10115", lines = new[] { new { sku = "SHOE-1", quantity = 2, weightGrams = 400 }, new { sku = "SOCK-1", quantity = 1, weightGrams = 1500 } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(("domestic", 2300, "EUR"), (Text(body, "zone"), body.GetProperty("weightGrams").GetInt32(), Text(body, "currency")));
        var options = body.GetProperty("options").EnumerateArray()
            .Select(o => (Text(o, "method"), o.GetProperty("price").GetDecimal(), Text(o, "estimatedDelivery"))).ToList();
        Assert.Equal([("standard", 6.90m, "2026-11-05"), ("express", 12.90m, "2026-11-03"), ("overnight", 24.90m, "2026-11-03")], options);
    }

    [Fact]
    public async Task A_heavy_parcel_abroad_gets_only_the_methods_that_take_it()
    {
        var rest = await PostAsync("US", 8, 1000);
        var eu = await PostAsync("FR", 1, 6000);
        var tooHeavy = await PostAsync("DE", 2, 20_000);

        Assert.Equal(["standard:49.90", "express:89.90"], rest);
        Assert.Equal(["standard:19.90", "express:34.90"], eu);
        Assert.Empty(tooHeavy);
    }

    [Fact]
    public async Task Invalid_fields_are_named_in_a_validation_problem()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("api/shipping/options",
            new { country = "XX", postalCode = "", lines = new[] { new { sku = "SHOE-1", quantity = 0, weightGrams = 0 } } });
        var lowerCase = await factory.CreateClient().PostAsJsonAsync("api/shipping/options",
            new { country = "de", postalCode = "10115", lines = Array.Empty<object>() });
        var noLines = await factory.CreateClient().PostAsJsonAsync("api/shipping/options", new { country = "DE", postalCode = "10115" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.All(["country", "postalCode", "lines[0].quantity", "lines[0].weightGrams"], field => Assert.True(errors.TryGetProperty(field, out _), field));
        var lowerCaseErrors = (await JsonAsync(lowerCase)).GetProperty("errors");
        Assert.True(lowerCaseErrors.TryGetProperty("country", out _));
        Assert.True(lowerCaseErrors.TryGetProperty("lines", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noLines.StatusCode);
        Assert.True((await JsonAsync(noLines)).GetProperty("errors").TryGetProperty("lines", out _));
    }

    private async Task<List<string>> PostAsync(string country, int quantity, int weightGrams)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("api/shipping/options",
            new { country, postalCode = "12345", lines = new[] { new { sku = "BOX-1", quantity, weightGrams } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await JsonAsync(response)).GetProperty("options").EnumerateArray()
            .Select(o => FormattableString.Invariant($"{Text(o, "method")}:{o.GetProperty("price").GetDecimal():0.00}"))];
    }
}
