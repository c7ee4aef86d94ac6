using System.Net;
using System.Net.Http.Json;
using static Ecommerce.Cart.Tests.Api.CartRequests;

namespace Ecommerce.Cart.Tests.Api;

public sealed class CartApiTests(CartApiFactory factory) : IClassFixture<CartApiFactory>
{
    [Fact]
    public async Task An_anonymous_shopper_gets_a_cart_id_and_adding_the_same_sku_again_sums()
    {
        var sku = factory.Dependencies.Sku();
        var client = factory.CreateClient();

        var first = await AddAsync(client, sku, 2);
        var cartId = CartIdOf(first);
        var second = await AddAsync(client, sku, 3, cartId);
        var read = await SendAsync(client, HttpMethod.Get, "/api/cart", cartId);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", cartId);
        Assert.Equal(cartId, CartIdOf(second));
        Assert.Equal(new Dictionary<string, int> { [sku] = 5 }, await QuantitiesAsync(read));
        Assert.NotNull(read.Headers.ETag);
        Assert.True(factory.Index.Contains(Model.CartOwner.Guest(cartId)));
    }

    [Fact]
    public async Task A_sku_the_catalog_does_not_know_or_does_not_sell_is_422()
    {
        var draft = factory.Dependencies.Sku(status: "draft");
        var client = factory.CreateClient();

        var unknown = await AddAsync(client, "NO-SUCH-SKU", 1);
        var notForSale = await AddAsync(client, draft, 1);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notForSale.StatusCode);
        Assert.Contains("draft", (await JsonAsync(notForSale)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_is_a_400_with_field_errors()
    {
        var client = factory.CreateClient();

        var badLine = await SendAsync(client, HttpMethod.Post, "/api/cart/lines", body: new { sku = "bad sku!", quantity = 100 });
        var badCartId = await SendAsync(client, HttpMethod.Get, "/api/cart", cartId: "not-an-id");
        var badQuery = await SendAsync(client, HttpMethod.Get, "/api/cart/priced?currency=euro&couponCodes=!");

        Assert.Equal(HttpStatusCode.BadRequest, badLine.StatusCode);
        var errors = (await JsonAsync(badLine)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("sku", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("quantity", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, badCartId.StatusCode);
        Assert.True((await JsonAsync(badCartId)).GetProperty("errors").TryGetProperty("X-Cart-Id", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        var queryErrors = (await JsonAsync(badQuery)).GetProperty("errors");
        Assert.True(queryErrors.TryGetProperty("currency", out _), queryErrors.ToString());
        Assert.True(queryErrors.TryGetProperty("couponCodes[0]", out _), queryErrors.ToString());
    }

    [Fact]
    public async Task A_line_holds_at_most_99_and_a_cart_at_most_100_lines()
    {
        var client = factory.CreateClient();
        var sku = factory.Dependencies.Sku();
        var cartId = CartIdOf(await AddAsync(client, sku, 99));

        var tooMany = await AddAsync(client, sku, 1, cartId);
        for (var i = 1; i < 100; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AddAsync(client, factory.Dependencies.Sku(), 1, cartId)).StatusCode);
        }
        var oneLineTooMany = await AddAsync(client, factory.Dependencies.Sku(), 1, cartId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, oneLineTooMany.StatusCode);
        Assert.Equal(100, (await QuantitiesAsync(await SendAsync(client, HttpMethod.Get, "/api/cart", cartId))).Count);
    }

    [Fact]
    public async Task Quantities_change_and_lines_go_and_a_stale_if_match_is_412()
    {
        var client = factory.CreateClient();
        var (a, b) = (factory.Dependencies.Sku(), factory.Dependencies.Sku());
        var added = await AddAsync(client, a, 1);
        var cartId = CartIdOf(added);
        await AddAsync(client, b, 1, cartId);

        var stale = await AddAsync(client, a, 1, cartId, ifMatch: added.Headers.ETag!.ToString());
        var changed = await SendAsync(client, HttpMethod.Put, $"/api/cart/lines/{a}", cartId, new { quantity = 7 });
        var removed = await SendAsync(client, HttpMethod.Delete, $"/api/cart/lines/{b}", cartId);
        var removedAgain = await SendAsync(client, HttpMethod.Delete, $"/api/cart/lines/{b}", cartId);
        var current = await SendAsync(client, HttpMethod.Get, "/api/cart", cartId);
        var fresh = await AddAsync(client, a, 1, cartId, ifMatch: current.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(new Dictionary<string, int> { [a] = 8 }, await QuantitiesAsync(fresh));
    }

    [Fact]
    public async Task Concurrent_adds_never_lose_an_update()
    {
        var client = factory.CreateClient();
        var sku = factory.Dependencies.Sku();
        var cartId = CartIdOf(await AddAsync(client, sku, 1));

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => AddAsync(client, sku, 1, cartId)));

        // Every edit answered 200 was applied on top of the others (an edit that stayed contended may be a 409: it wrote nothing).
        Assert.All(answers, answer => Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var applied = answers.Count(answer => answer.StatusCode == HttpStatusCode.OK);
        Assert.True(applied >= 10, $"only {applied} of 20 concurrent edits were applied");
        Assert.Equal(1 + applied, (await QuantitiesAsync(await SendAsync(client, HttpMethod.Get, "/api/cart", cartId)))[sku]);
    }

    [Fact]
    public async Task A_customer_has_their_own_cart_whatever_x_cart_id_says()
    {
        var sku = factory.Dependencies.Sku();
        var anonymousId = CartIdOf(await AddAsync(factory.CreateClient(), sku, 4));
        var customer = factory.ClientAs("customer", subject: $"customer-{Guid.NewGuid():N}");

        var read = await SendAsync(customer, HttpMethod.Get, "/api/cart", anonymousId);

        Assert.Empty(await QuantitiesAsync(read));
        Assert.False(read.Headers.Contains(CartIdHeader));
    }

    [Fact]
    public async Task Support_reads_any_cart_and_customers_and_strangers_cannot()
    {
        var sku = factory.Dependencies.Sku();
        var customerId = $"customer-{Guid.NewGuid():N}";
        await AddAsync(factory.ClientAs("customer", customerId), sku, 2);
        var anonymousId = CartIdOf(await AddAsync(factory.CreateClient(), sku, 1));

        var bySupport = await factory.ClientAs("support", "agent-1").GetAsync(new Uri($"/api/carts/customers/{customerId}", UriKind.Relative));
        var anonymousBySupport = await factory.ClientAs("admin", "admin-1").GetAsync(new Uri($"/api/carts/anonymous/{anonymousId}", UriKind.Relative));
        var byAnotherCustomer = await factory.ClientAs("customer", "someone-else").GetAsync(new Uri($"/api/carts/customers/{customerId}", UriKind.Relative));
        var byNobody = await factory.CreateClient().GetAsync(new Uri($"/api/carts/customers/{customerId}", UriKind.Relative));
        var emptiedBySupport = await factory.ClientAs("support", "agent-1").DeleteAsync(new Uri($"/api/carts/customers/{customerId}", UriKind.Relative));
        var emptiedByAdmin = await factory.ClientAs("admin", "admin-1").DeleteAsync(new Uri($"/api/carts/customers/{customerId}", UriKind.Relative));

        Assert.Equal(new Dictionary<string, int> { [sku] = 2 }, await QuantitiesAsync(bySupport));
        Assert.Equal(new Dictionary<string, int> { [sku] = 1 }, await QuantitiesAsync(anonymousBySupport));
        Assert.Equal(HttpStatusCode.Forbidden, byAnotherCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, emptiedBySupport.StatusCode);
        Assert.Empty(await QuantitiesAsync(emptiedByAdmin));
    }

    [Fact]
    public async Task The_ordering_service_reads_a_customers_cart_and_other_apps_cannot_and_it_may_not_empty_it()
    {
        var sku = factory.Dependencies.Sku();
        var customerId = $"customer-{Guid.NewGuid():N}";
        await AddAsync(factory.ClientAs("customer", customerId), sku, 3);
        using var ordering = factory.CreateClient();
        ordering.DefaultRequestHeaders.Add("dapr-caller-app-id", "ordering");
        using var gateway = factory.CreateClient();
        gateway.DefaultRequestHeaders.Add("dapr-caller-app-id", "gateway");
        var path = new Uri($"/api/carts/customers/{customerId}", UriKind.Relative);

        var readByGateway = await gateway.GetAsync(path);
        var emptiedByGateway = await gateway.DeleteAsync(path);
        var readByOrdering = await ordering.GetAsync(path);
        var emptiedByOrdering = await ordering.DeleteAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, readByGateway.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, emptiedByGateway.StatusCode);
        Assert.Equal(new Dictionary<string, int> { [sku] = 3 }, await QuantitiesAsync(readByOrdering));
        // The saga takes only the order's lines out (checked-out-orders); emptying the whole cart is for admins.
        Assert.Equal(HttpStatusCode.Unauthorized, emptiedByOrdering.StatusCode);
    }

    [Fact]
    public async Task The_priced_view_comes_from_pricing_for_the_carts_lines_with_the_coupon()
    {
        var client = factory.ClientAs("customer", $"customer-{Guid.NewGuid():N}");
        var sku = factory.Dependencies.Sku(price: 12.50m);
        await AddAsync(client, sku, 2);

        var priced = await client.GetAsync(new Uri("/api/cart/priced?currency=EUR&couponCodes=WELCOME10", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, priced.StatusCode);
        var quote = (await JsonAsync(priced)).GetProperty("quote");
        Assert.Equal(25m, quote.GetProperty("totals").GetProperty("total").GetDecimal());
        Assert.Equal("WELCOME10", quote.GetProperty("coupons")[0].GetProperty("code").GetString());
        var asked = factory.Dependencies.QuotesAsked.Last(request => request.Lines.Any(line => line.Sku == sku));
        Assert.Equal(("shoes", 2), (asked.Lines.Single().CategoryId, asked.Lines.Single().Quantity));
        Assert.NotNull(asked.CustomerId);
    }

    [Fact]
    public async Task A_sku_without_a_price_makes_the_priced_view_422_naming_it()
    {
        var client = factory.CreateClient();
        var sku = factory.Dependencies.Sku();
        factory.Dependencies.Prices.TryRemove(sku, out _);
        var cartId = CartIdOf(await AddAsync(client, sku, 1));

        var priced = await SendAsync(client, HttpMethod.Get, "/api/cart/priced", cartId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, priced.StatusCode);
        Assert.Equal(sku, (await JsonAsync(priced)).GetProperty("skus")[0].GetString());
    }

    [Theory]
    [InlineData("catalog")]
    [InlineData("pricing")]
    public async Task A_dependency_that_is_down_is_a_503_problem(string appId)
    {
        var client = factory.CreateClient();
        var sku = factory.Dependencies.Sku();
        var cartId = CartIdOf(await AddAsync(client, sku, 1));
        factory.Dependencies.Down = appId;
        try
        {
            var response = appId == "catalog"
                ? await AddAsync(client, sku, 1, cartId)
                : await SendAsync(client, HttpMethod.Get, "/api/cart/priced", cartId);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.Contains("Retry-After"));
        }
        finally
        {
            factory.Dependencies.Down = null;
        }
    }

    [Fact]
    public async Task Merging_at_login_sums_caps_by_availability_and_happens_once()
    {
        var customer = factory.ClientAs("customer", $"customer-{Guid.NewGuid():N}");
        var (plenty, scarce, gone) = (factory.Dependencies.Sku(available: 50), factory.Dependencies.Sku(available: 3), factory.Dependencies.Sku(available: 0));
        await AddAsync(customer, plenty, 2);
        var anonymous = factory.CreateClient();
        var cartId = CartIdOf(await AddAsync(anonymous, plenty, 3));
        await AddAsync(anonymous, scarce, 5, cartId);
        await AddAsync(anonymous, gone, 1, cartId);

        var merged = await customer.PostAsJsonAsync("/api/cart/merge", new { anonymousCartId = cartId });
        var again = await customer.PostAsJsonAsync("/api/cart/merge", new { anonymousCartId = cartId });
        var anonymousAfter = await SendAsync(anonymous, HttpMethod.Get, "/api/cart", cartId);
        var byAnonymous = await anonymous.PostAsJsonAsync("/api/cart/merge", new { anonymousCartId = cartId });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var body = await JsonAsync(merged);
        var lines = body.GetProperty("cart").GetProperty("lines").EnumerateArray()
            .ToDictionary(line => line.GetProperty("sku").GetString()!, line => line.GetProperty("quantity").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [plenty] = 5, [scarce] = 3 }, lines);
        Assert.Equal([(scarce, 5, 3), (gone, 1, 0)], body.GetProperty("adjustments").EnumerateArray()
            .Select(a => (a.GetProperty("sku").GetString()!, a.GetProperty("requested").GetInt32(), a.GetProperty("granted").GetInt32())));
        Assert.Equal(5, (await JsonAsync(again)).GetProperty("cart").GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        Assert.Empty(await QuantitiesAsync(anonymousAfter));
        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
    }

    [Fact]
    public async Task An_invalid_merge_request_is_400()
    {
        var response = await factory.ClientAs("customer").PostAsJsonAsync("/api/cart/merge", new { anonymousCartId = "../other" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("anonymousCartId", out _));
    }
}
