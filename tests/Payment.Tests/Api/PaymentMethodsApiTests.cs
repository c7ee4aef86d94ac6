using System.Net;
using System.Net.Http.Json;
using Ecommerce.Payment.Model;
using static Ecommerce.Payment.Tests.Api.PaymentRequests;

namespace Ecommerce.Payment.Tests.Api;

public sealed class PaymentMethodsApiTests(PaymentApiFactory factory) : IClassFixture<PaymentApiFactory>
{
    [Fact]
    public async Task A_card_is_tokenized_and_its_number_and_cvc_are_never_answered_or_stored()
    {
        var userId = NewId("user");
        var customer = factory.ClientAs("customer", userId);

        var added = await customer.PostAsJsonAsync("api/payments/methods", Card("5555 5555 5555 4444", cvc: "987"));
        var listed = await customer.GetAsync("api/payments/methods");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var method = await JsonAsync(added);
        Assert.Equal("mastercard", method.GetProperty("brand").GetString());
        Assert.Equal("4444", method.GetProperty("last4").GetString());
        Assert.StartsWith("pm_", method.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(userId, method.GetProperty("userId").GetString());
        foreach (var text in new[] { await added.Content.ReadAsStringAsync(), await listed.Content.ReadAsStringAsync(), string.Concat(factory.Store.Snapshot().Values) })
        {
            Assert.DoesNotContain("5555555555554444", text, StringComparison.Ordinal);
            Assert.DoesNotContain("555555555555", text, StringComparison.Ordinal);
            // As a value and as a name, not as a substring: random ids and timestamps may hold the digits 987.
            Assert.DoesNotContain("\"987\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("cvc", text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(1, (await JsonAsync(listed)).GetArrayLength());
    }

    [Fact]
    public async Task Invalid_cards_get_field_errors_that_never_repeat_the_number()
    {
        var customer = factory.ClientAs("customer", NewId("user"));
        const string badLuhn = "4242424242424241";

        var luhn = await customer.PostAsJsonAsync("api/payments/methods", Card(badLuhn));
        var brand = await customer.PostAsJsonAsync("api/payments/methods", Card("6011111111111117"));
        var expired = await customer.PostAsJsonAsync("api/payments/methods", Card(TestCards.Success, month: 1, year: 2020));
        var amexCvc = await customer.PostAsJsonAsync("api/payments/methods", Card("378282246310005", cvc: "123"));
        var missing = await customer.PostAsJsonAsync("api/payments/methods", new { cardNumber = "", expiryMonth = 13, expiryYear = 30, cvc = "", holderName = "" });

        Assert.All(new[] { luhn, brand, expired, amexCvc, missing }, response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        Assert.True((await JsonAsync(luhn)).GetProperty("errors").TryGetProperty("cardNumber", out _));
        Assert.DoesNotContain(badLuhn, await luhn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await JsonAsync(brand)).GetProperty("errors").TryGetProperty("cardNumber", out _));
        Assert.True((await JsonAsync(expired)).GetProperty("errors").TryGetProperty("expiryYear", out _));
        Assert.True((await JsonAsync(amexCvc)).GetProperty("errors").TryGetProperty("cvc", out _));
        var errors = (await JsonAsync(missing)).GetProperty("errors");
        foreach (var field in new[] { "cardNumber", "expiryMonth", "expiryYear", "cvc", "holderName" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task A_customer_sees_and_deletes_only_their_own_methods()
    {
        var owner = factory.ClientAs("customer", NewId("user"));
        var other = factory.ClientAs("customer", NewId("user"));
        var id = await MethodAsync(owner);

        Assert.Equal(0, (await JsonAsync(await other.GetAsync("api/payments/methods"))).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"api/payments/methods/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"api/payments/methods/{id}")).StatusCode);
        Assert.Equal(0, (await JsonAsync(await owner.GetAsync("api/payments/methods"))).GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("api/payments/methods")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs("support").GetAsync("api/payments/methods")).StatusCode);
    }

    [Fact]
    public async Task A_card_number_of_the_wrong_json_type_is_refused_without_echoing_it()
    {
        var customer = factory.ClientAs("customer", NewId("user"));
        using var content = new StringContent(
            """{"cardNumber": 4242424242424242, "expiryMonth": 12, "expiryYear": 2031, "cvc": "123", "holderName": "Ada"}""",
            System.Text.Encoding.UTF8, "application/json");

        var response = await customer.PostAsync("api/payments/methods", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("4242424242424242", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
