using System.Net;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Workflow;
using static Ecommerce.Ordering.Tests.Api.OrderRequests;

namespace Ecommerce.Ordering.Tests.Api;

/// <summary><c>POST /api/orders</c>: from the cart, idempotent by key, validated, and the saga started once.</summary>
public sealed class PlaceOrderTests(OrderingApiFactory factory) : IClassFixture<OrderingApiFactory>
{
    [Fact]
    public async Task An_order_is_placed_from_the_cart_with_202_and_its_saga_and_events()
    {
        var customer = NewId("customer");
        factory.Cart.Carts[customer] = Lines(("SKU-1", 2), ("SKU-2", 1));

        var response = await PlaceAsync(factory.ClientAs("customer", customer), NewId("key"), Body(couponCode: "WELCOME10"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var json = await JsonAsync(response);
        var orderId = json.GetProperty("orderId").GetString()!;
        Assert.Equal($"/api/orders/{orderId}", response.Headers.Location?.ToString());
        Assert.Equal("submitted", json.GetProperty("status").GetString());
        Assert.Equal(customer, json.GetProperty("customerId").GetString());
        Assert.Equal("standard", json.GetProperty("shippingMethod").GetString());
        Assert.Equal("WELCOME10", json.GetProperty("couponCode").GetString());
        Assert.Equal([("SKU-1", 2), ("SKU-2", 1)], json.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("quantity").GetInt32())));
        Assert.Equal("submitted", Assert.Single(json.GetProperty("statusHistory").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(1, factory.Sagas.StartsOf(orderId));
        var input = Assert.Single(factory.Sagas.Starts.OfType<CheckoutInput>(), i => i.OrderId == orderId);
        Assert.Equal(TimeSpan.FromHours(24), input.FraudReviewTimeout);
        Assert.Single(factory.Events.Of<OrderSubmittedV1>(), e => e.OrderId == orderId);
        Assert.Single(factory.Events.Of<OrderStatusChangedV1>(), e => e.OrderId == orderId && e.Status == OrderStatus.Submitted);
    }

    [Fact]
    public async Task The_same_key_with_the_same_body_answers_the_same_order_and_another_body_is_422()
    {
        var customer = NewId("customer");
        factory.Cart.Carts[customer] = Lines(("SKU-1", 1));
        var client = factory.ClientAs("customer", customer);
        var key = NewId("key");

        var first = await PlaceAsync(client, key, Body());
        var again = await PlaceAsync(client, key, Body());
        var other = await PlaceAsync(client, key, Body(paymentMethodId: "pm-2"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await OrderIdAsync(first), await OrderIdAsync(again));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, factory.Sagas.StartsOf(await OrderIdAsync(first)));
        Assert.Single((await JsonAsync(await client.GetAsync(new Uri("/api/orders", UriKind.Relative)))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Another_customer_using_the_same_key_gets_an_order_of_their_own()
    {
        var (alice, bob) = (NewId("alice"), NewId("bob"));
        factory.Cart.Carts[alice] = Lines(("SKU-1", 1));
        factory.Cart.Carts[bob] = Lines(("SKU-1", 1));
        var key = NewId("key");

        var forAlice = await PlaceAsync(factory.ClientAs("customer", alice), key, Body());
        var forBob = await PlaceAsync(factory.ClientAs("customer", bob), key, Body());

        Assert.Equal(HttpStatusCode.Accepted, forBob.StatusCode);
        Assert.NotEqual(await OrderIdAsync(forAlice), await OrderIdAsync(forBob));
    }

    [Fact]
    public async Task Ten_concurrent_posts_with_one_key_make_one_order()
    {
        var customer = NewId("customer");
        factory.Cart.Carts[customer] = Lines(("SKU-1", 3));
        var client = factory.ClientAs("customer", customer);
        var key = NewId("key");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PlaceAsync(client, key, Body())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var orderId = Assert.Single((await Task.WhenAll(responses.Select(OrderIdAsync))).Distinct());
        Assert.Equal(1, factory.Sagas.StartsOf(orderId));
        var mine = await JsonAsync(await client.GetAsync(new Uri("/api/orders", UriKind.Relative)));
        Assert.Equal(1, mine.GetProperty("totalCount").GetInt32());
        Assert.Single(factory.Store.Snapshot().Keys, k => k.StartsWith("order|", StringComparison.Ordinal) && factory.Store.Snapshot()[k].Contains(customer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_or_malformed_idempotency_key_is_400_on_that_header()
    {
        var customer = NewId("customer");
        factory.Cart.Carts[customer] = Lines(("SKU-1", 1));
        var client = factory.ClientAs("customer", customer);

        var missing = await PlaceAsync(client, null, Body());
        var malformed = await PlaceAsync(client, "has spaces|and pipes", Body());
        var tooLong = await PlaceAsync(client, new string('k', 101), Body());

        foreach (var response in new[] { missing, malformed, tooLong })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["Idempotency-Key"], await FieldErrorsAsync(response));
        }
        Assert.Equal(0, (await JsonAsync(await client.GetAsync(new Uri("/api/orders", UriKind.Relative)))).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Bad_fields_are_400_with_an_error_for_each_and_nothing_is_written()
    {
        var customer = NewId("customer");
        factory.Cart.Carts[customer] = Lines(("SKU-1", 1));
        var before = factory.Store.Snapshot().Count;

        var response = await PlaceAsync(factory.ClientAs("customer", customer), NewId("key"), new
        {
            shippingAddress = new { recipient = "", line1 = "x", city = "Berlin", postalCode = "!", country = "germany", phone = "call me" },
            shippingMethod = "teleport",
            couponCode = "x",
            currency = "euro",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await FieldErrorsAsync(response);
        foreach (var field in new[] { "shippingAddress.recipient", "shippingAddress.postalCode", "shippingAddress.country", "shippingAddress.phone", "shippingMethod", "paymentMethodId", "couponCode", "currency" })
        {
            Assert.Contains(field, errors);
        }
        Assert.Equal(before, factory.Store.Snapshot().Count);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400_not_500()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", NewId("key"));

        var response = await factory.ClientAs("customer", NewId("customer")).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_cart_is_400_on_field_cart_and_makes_no_order()
    {
        var customer = NewId("customer");

        var response = await PlaceAsync(factory.ClientAs("customer", customer), NewId("key"), Body());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["cart"], await FieldErrorsAsync(response));
        Assert.DoesNotContain(factory.Store.Snapshot().Keys, k => k.Contains(customer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Placing_needs_a_customer_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PlaceAsync(factory.ClientAs(null), NewId("key"), Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PlaceAsync(factory.ClientAs("support"), NewId("key"), Body())).StatusCode);
    }

    [Fact]
    public async Task A_replay_of_an_order_whose_saga_never_started_starts_it()
    {
        var customer = NewId("customer");
        factory.Cart.Carts[customer] = Lines(("SKU-1", 1));
        var client = factory.ClientAs("customer", customer);
        var key = NewId("key");
        var orderId = await OrderIdAsync(await PlaceAsync(client, key, Body()));
        factory.Sagas.Forget(orderId);

        var replay = await PlaceAsync(client, key, Body());

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.True(await factory.Sagas.ExistsAsync(orderId, CancellationToken.None));
        Assert.Equal(2, factory.Sagas.StartsOf(orderId));
    }
}
