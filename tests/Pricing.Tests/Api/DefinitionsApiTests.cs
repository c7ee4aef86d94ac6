using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ecommerce.Pricing.Tests.Api;

/// <summary>The admin APIs of discounts, coupons, promotions and tax rules: validation, roles, ETags.</summary>
public sealed class DefinitionsApiTests(PricingApiFactory factory) : IClassFixture<PricingApiFactory>
{
    private static readonly object ValidDiscount = new
    {
        name = "Summer sale",
        offer = new { kind = "percent", value = 10, scope = "category", categoryIds = new[] { "shoes" }, tiers = new[] { new { minQuantity = 3, value = 15 } } },
        startsAt = "2026-06-01T00:00:00Z",
        endsAt = "2026-09-01T00:00:00Z",
    };

    [Fact]
    public async Task A_discount_is_created_read_replaced_with_if_match_and_deleted()
    {
        var admin = factory.ClientAs("admin");

        var created = await admin.PostAsJsonAsync("/api/pricing/discounts", ValidDiscount);
        var location = created.Headers.Location!;
        var withoutIfMatch = await admin.PutAsJsonAsync(location, ValidDiscount);
        var replaced = await SendWithIfMatch(admin, HttpMethod.Put, location, created.Headers.ETag!.Tag, ValidDiscount);
        var stale = await SendWithIfMatch(admin, HttpMethod.Put, location, created.Headers.ETag!.Tag, ValidDiscount);
        var staleDelete = await SendWithIfMatch(admin, HttpMethod.Delete, location, created.Headers.ETag!.Tag);
        var deleted = await SendWithIfMatch(admin, HttpMethod.Delete, location, replaced.Headers.ETag!.Tag);
        var gone = await admin.GetAsync(location);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("/api/pricing/discounts/disc-", location.OriginalString, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)428, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task An_invalid_discount_is_400_with_each_field_in_error()
    {
        var response = await factory.ClientAs("admin").PostAsJsonAsync("/api/pricing/discounts", new
        {
            name = "",
            offer = new { kind = "fixed", value = 150.001, scope = "sku", skus = Array.Empty<string>(), minQuantity = 0 },
            startsAt = "2026-09-01T00:00:00Z",
            endsAt = "2026-06-01T00:00:00Z",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "offer.currency", "offer.skus", "offer.minQuantity", "endsAt" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task A_percent_above_100_and_a_fixed_amount_with_too_many_decimals_are_refused()
    {
        var admin = factory.ClientAs("admin");

        var percent = await admin.PostAsJsonAsync("/api/pricing/discounts", new { name = "x", offer = new { kind = "percent", value = 101, scope = "cart" } });
        var yen = await admin.PostAsJsonAsync("/api/pricing/discounts", new { name = "x", offer = new { kind = "fixed", value = 10.5, scope = "cart", currency = "JPY" } });

        Assert.True((await percent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("offer.value", out _));
        Assert.True((await yen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("offer.value", out _));
    }

    [Fact]
    public async Task A_coupon_code_is_unique_case_insensitively_and_cannot_change()
    {
        var admin = factory.ClientAs("admin");
        var code = $"C{Guid.NewGuid():N}"[..12];
        var coupon = new { code = code.ToLowerInvariant(), offer = new { kind = "percent", value = 10, scope = "cart" }, usageLimit = 5, perCustomerLimit = 1 };

        var created = await admin.PostAsJsonAsync("/api/pricing/coupons", coupon);
        var duplicate = await admin.PostAsJsonAsync("/api/pricing/coupons", coupon);
        var renamed = await SendWithIfMatch(admin, HttpMethod.Put, new Uri($"/api/pricing/coupons/{code}", UriKind.Relative), created.Headers.ETag!.Tag,
            new { code = "OTHERCODE", offer = new { kind = "percent", value = 10, scope = "cart" } });
        var read = await factory.ClientAs("support").GetFromJsonAsync<JsonElement>($"/api/pricing/coupons/{code.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Equal(code.ToUpperInvariant(), read.GetProperty("code").GetString());
        Assert.False(read.GetProperty("combinesWithOtherCoupons").GetBoolean());
        Assert.True(read.GetProperty("combinesWithDiscounts").GetBoolean());
    }

    [Fact]
    public async Task A_tax_rule_is_keyed_by_its_jurisdiction()
    {
        var admin = factory.ClientAs("admin");

        var created = await admin.PostAsJsonAsync("/api/pricing/tax-rules", new { country = "US", region = "NY", ratePercent = 8.875, pricesIncludeTax = false, name = "New York" });
        var duplicate = await admin.PostAsJsonAsync("/api/pricing/tax-rules", new { country = "US", region = "NY", ratePercent = 4, pricesIncludeTax = false });
        var invalid = await admin.PostAsJsonAsync("/api/pricing/tax-rules", new { country = "usa", ratePercent = 120, pricesIncludeTax = false });

        Assert.Equal("/api/pricing/tax-rules/US-NY", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("country", out _));
        Assert.True(errors.TryGetProperty("ratePercent", out _));
    }

    [Fact]
    public async Task A_promotion_needs_the_terms_of_its_kind()
    {
        var admin = factory.ClientAs("admin");

        var valid = await admin.PostAsJsonAsync("/api/pricing/promotions", new { name = "Free shipping", kind = "freeShipping", freeShipping = new { currency = "EUR", threshold = 50 } });
        var mixed = await admin.PostAsJsonAsync("/api/pricing/promotions", new { name = "Socks", kind = "buyXGetY", freeShipping = new { currency = "EUR", threshold = 50 } });

        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        var errors = (await mixed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("buyXGetY", out _));
        Assert.True(errors.TryGetProperty("freeShipping", out _));
    }

    [Theory]
    [InlineData("/api/pricing/discounts")]
    [InlineData("/api/pricing/coupons")]
    [InlineData("/api/pricing/promotions")]
    [InlineData("/api/pricing/tax-rules")]
    public async Task Creating_needs_the_admin_role_and_reading_needs_support(string route)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).PostAsJsonAsync(route, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs("support").PostAsJsonAsync(route, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs("customer").GetAsync(route)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs("support").GetAsync(route)).StatusCode);
    }

    private static async Task<HttpResponseMessage> SendWithIfMatch(HttpClient client, HttpMethod method, Uri uri, string etag, object? body = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await client.SendAsync(request);
    }
}
