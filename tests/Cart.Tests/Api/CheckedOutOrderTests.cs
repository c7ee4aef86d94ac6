using System.Net;
using System.Net.Http.Json;
using static Ecommerce.Cart.Tests.Api.CartRequests;

namespace Ecommerce.Cart.Tests.Api;

/// <summary>
/// <c>POST /api/carts/customers/{customerId}/checked-out-orders</c>: the checkout saga takes exactly what a paid order
/// took out of the cart, once, and never what the shopper added since.
/// </summary>
public sealed class CheckedOutOrderTests(CartApiFactory factory) : IClassFixture<CartApiFactory>
{
    [Fact]
    public async Task The_ordered_quantities_are_subtracted_and_a_line_reaching_zero_or_gone_is_removed_or_ignored()
    {
        var (customerId, customer) = NewCustomer();
        var (partly, wholly, kept, gone) = (factory.Dependencies.Sku(), factory.Dependencies.Sku(), factory.Dependencies.Sku(), factory.Dependencies.Sku());
        await AddAsync(customer, partly, 5);
        await AddAsync(customer, wholly, 2);
        await AddAsync(customer, kept, 1);

        var response = await CheckOutAsync(Ordering(), customerId, NewOrderId(), (partly, 3), (wholly, 2), (gone, 4));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(new Dictionary<string, int> { [partly] = 2, [kept] = 1 }, await QuantitiesAsync(response));
        Assert.Equal(new Dictionary<string, int> { [partly] = 2, [kept] = 1 }, await QuantitiesAsync(await customer.GetAsync(new Uri("/api/cart", UriKind.Relative))));
    }

    [Fact]
    public async Task The_same_order_twice_is_taken_out_once_and_lines_added_after_the_order_are_kept()
    {
        var (customerId, customer) = NewCustomer();
        var (bought, later) = (factory.Dependencies.Sku(), factory.Dependencies.Sku());
        await AddAsync(customer, bought, 2);
        var orderId = NewOrderId();

        // The shopper adds more while the saga runs (the order took 2, snapshotted when it was placed).
        await AddAsync(customer, bought, 1);
        await AddAsync(customer, later, 1);
        var first = await CheckOutAsync(Ordering(), customerId, orderId, (bought, 2));
        var again = await CheckOutAsync(Ordering(), customerId, orderId, (bought, 2));
        await AddAsync(customer, bought, 4);
        var late = await CheckOutAsync(Ordering(), customerId, orderId, (bought, 2));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(new Dictionary<string, int> { [bought] = 1, [later] = 1 }, await QuantitiesAsync(first));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(new Dictionary<string, int> { [bought] = 1, [later] = 1 }, await QuantitiesAsync(again));
        Assert.Equal(new Dictionary<string, int> { [bought] = 5, [later] = 1 }, await QuantitiesAsync(late));
    }

    [Fact]
    public async Task Shoppers_edits_racing_the_saga_are_not_lost_and_the_order_is_taken_out_once()
    {
        var (customerId, customer) = NewCustomer();
        var sku = factory.Dependencies.Sku();
        await AddAsync(customer, sku, 40);
        var orderId = NewOrderId();

        var adds = Enumerable.Range(0, 10).Select(_ => AddAsync(customer, sku, 1));
        var takes = Enumerable.Range(0, 5).Select(_ => CheckOutAsync(Ordering(), customerId, orderId, (sku, 30)));
        var answers = await Task.WhenAll(adds.Concat(takes));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(new Dictionary<string, int> { [sku] = 40 + 10 - 30 }, await QuantitiesAsync(await customer.GetAsync(new Uri("/api/cart", UriKind.Relative))));
    }

    [Fact]
    public async Task A_customer_without_a_cart_gets_an_empty_one_and_nothing_is_stored()
    {
        var customerId = $"customer-{Guid.NewGuid():N}";

        var response = await CheckOutAsync(Ordering(), customerId, NewOrderId(), ("SKU-1", 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await QuantitiesAsync(response));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAs("support", "agent-1").GetAsync(new Uri($"/api/carts/customers/{customerId}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_malformed_request_is_a_400_naming_the_fields()
    {
        var (customerId, _) = NewCustomer();

        var response = await Ordering().PostAsJsonAsync(Path(customerId),
            new { orderId = "bad|id", lines = new object[] { new { sku = "", quantity = 0 } } });
        var noLines = await Ordering().PostAsJsonAsync(Path(customerId), new { orderId = NewOrderId(), lines = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("orderId", out _));
        Assert.True(errors.TryGetProperty("lines[0].sku", out _));
        Assert.True(errors.TryGetProperty("lines[0].quantity", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noLines.StatusCode);
        Assert.True((await JsonAsync(noLines)).GetProperty("errors").TryGetProperty("lines", out _));
    }

    [Fact]
    public async Task Only_the_ordering_service_and_admins_may_take_an_order_out_and_the_ordering_service_may_no_longer_empty_a_cart()
    {
        var (customerId, customer) = NewCustomer();
        var sku = factory.Dependencies.Sku();
        await AddAsync(customer, sku, 3);
        using var gateway = factory.CreateClient();
        gateway.DefaultRequestHeaders.Add("dapr-caller-app-id", "gateway");

        var byGateway = await CheckOutAsync(gateway, customerId, NewOrderId(), (sku, 1));
        var byCustomer = await CheckOutAsync(customer, customerId, NewOrderId(), (sku, 1));
        var bySupport = await CheckOutAsync(factory.ClientAs("support", "agent-1"), customerId, NewOrderId(), (sku, 1));
        var emptiedByOrdering = await Ordering().DeleteAsync(new Uri($"/api/carts/customers/{customerId}", UriKind.Relative));
        var byAdmin = await CheckOutAsync(factory.ClientAs("admin", "admin-1"), customerId, NewOrderId(), (sku, 1));

        Assert.Equal(HttpStatusCode.Unauthorized, byGateway.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySupport.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, emptiedByOrdering.StatusCode);
        Assert.Equal(new Dictionary<string, int> { [sku] = 2 }, await QuantitiesAsync(byAdmin));
    }

    private (string CustomerId, HttpClient Client) NewCustomer()
    {
        var customerId = $"customer-{Guid.NewGuid():N}";
        return (customerId, factory.ClientAs("customer", customerId));
    }

    private HttpClient Ordering()
    {
        var ordering = factory.CreateClient();
        ordering.DefaultRequestHeaders.Add("dapr-caller-app-id", "ordering");
        return ordering;
    }

    private static string NewOrderId() => $"order-{Guid.NewGuid():N}";

    private static Uri Path(string customerId) => new($"/api/carts/customers/{customerId}/checked-out-orders", UriKind.Relative);

    private static Task<HttpResponseMessage> CheckOutAsync(HttpClient client, string customerId, string orderId, params (string Sku, int Quantity)[] lines) =>
        client.PostAsJsonAsync(Path(customerId), new { orderId, lines = lines.Select(line => new { sku = line.Sku, quantity = line.Quantity }) });
}
