using System.Net;
using System.Net.Http.Json;
using Ecommerce.Contracts.Ordering;
using static Ecommerce.Cart.Tests.Api.CartRequests;

namespace Ecommerce.Cart.Tests.Api;

public sealed class OrderConfirmedTests(CartApiFactory factory) : IClassFixture<CartApiFactory>
{
    [Fact]
    public async Task A_confirmed_order_empties_the_customers_cart_once_even_when_redelivered()
    {
        var customerId = $"customer-{Guid.NewGuid():N}";
        var customer = factory.ClientAs("customer", customerId);
        var (bought, later) = (factory.Dependencies.Sku(), factory.Dependencies.Sku());
        await AddAsync(customer, bought, 2);
        var confirmed = new OrderConfirmedV1($"order-{Guid.NewGuid():N}", customerId, "EUR", 20m, []);

        var delivered = await factory.CreateClient().PostAsJsonAsync("/integration-events/orders-confirmed", confirmed);
        var emptied = await QuantitiesAsync(await customer.GetAsync(new Uri("/api/cart", UriKind.Relative)));
        await AddAsync(customer, later, 1);
        var redelivered = await factory.CreateClient().PostAsJsonAsync("/integration-events/orders-confirmed", confirmed);
        var afterRedelivery = await QuantitiesAsync(await customer.GetAsync(new Uri("/api/cart", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("SUCCESS", (await JsonAsync(delivered)).GetProperty("status").GetString());
        Assert.Empty(emptied);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(new Dictionary<string, int> { [later] = 1 }, afterRedelivery);
    }

    [Fact]
    public async Task An_event_naming_no_customer_is_dropped()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/integration-events/orders-confirmed",
            new OrderConfirmedV1("order-1", "", "EUR", 1m, []));

        Assert.Equal("DROP", (await JsonAsync(response)).GetProperty("status").GetString());
    }
}
