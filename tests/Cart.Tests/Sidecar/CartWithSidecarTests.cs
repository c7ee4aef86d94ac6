using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.TestSupport.Sidecars;
using static Ecommerce.Cart.Tests.Api.CartRequests;

namespace Ecommerce.Cart.Tests.Sidecar;

/// <summary>
/// The real cart service beside a DaprLocal sidecar over the kinds of the embedded profile (SQLite
/// state, in-memory pub/sub) and of the local profile (Redis state, Redis streams): carts in
/// cart-store with ETags and TTL, catalog/pricing/inventory through service invocation, the merge,
/// a paid order's lines taken out, the wishlist, and cart.abandoned from the cron binding's scans.
/// </summary>
public sealed class CartWithSidecarTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("sqlite", "in-memory")]
    [InlineData("redis", "redis")]
    public async Task A_shoppers_cart_works_end_to_end_through_the_sidecar(string storeKind, string pubsubKind)
    {
        await using var environment = await CartEnvironment.StartAsync(storeKind, pubsubKind, timeToLive: TimeSpan.FromHours(1), abandonAfter: TimeSpan.FromSeconds(2));
        var stand = environment.Dependencies;
        var (shoes, socks, draft) = ($"SHOE-{Guid.NewGuid():N}"[..16], $"SOCK-{Guid.NewGuid():N}"[..16], $"DRAFT-{Guid.NewGuid():N}"[..16]);
        stand.Skus[shoes] = ("active", "running-shoes");
        stand.Skus[socks] = ("active", "socks");
        stand.Skus[draft] = ("draft", "socks");
        (stand.Prices[shoes], stand.Prices[socks]) = (89.90m, 9.50m);
        (stand.Available[shoes], stand.Available[socks]) = (3, 40);
        var anonymous = environment.Client();
        var customerId = $"customer-{Guid.NewGuid():N}";
        var customer = environment.Client("customer", customerId);

        // An anonymous cart: the id comes back in X-Cart-Id; the catalog decides what can be added.
        var first = await AddAsync(anonymous, shoes, 2);
        var cartId = CartIdOf(first);
        var again = await AddAsync(anonymous, shoes, 1, cartId);
        var unknown = await AddAsync(anonymous, "NOT-IN-CATALOG", 1, cartId);
        var notForSale = await AddAsync(anonymous, draft, 1, cartId);
        var stale = await AddAsync(anonymous, shoes, 1, cartId, ifMatch: first.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(new Dictionary<string, int> { [shoes] = 3 }, await QuantitiesAsync(again));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notForSale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        // Priced by pricing (through invocation), never by the client.
        var priced = await JsonAsync(await SendAsync(anonymous, HttpMethod.Get, "api/cart/priced?currency=EUR&couponCodes=WELCOME10", cartId));
        Assert.Equal(269.70m, priced.GetProperty("quote").GetProperty("totals").GetProperty("total").GetDecimal());
        Assert.Equal("Unknown coupon.", priced.GetProperty("quote").GetProperty("coupons")[0].GetProperty("reason").GetString());

        // At login: merged into the customer's cart, capped by availability; the anonymous cart is gone.
        await AddAsync(customer, shoes, 1);
        await AddAsync(customer, socks, 2);
        var merged = await customer.PostAsJsonAsync("api/cart/merge", new { anonymousCartId = cartId });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var mergedBody = await JsonAsync(merged);
        Assert.Equal(3, mergedBody.GetProperty("cart").GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == shoes).GetProperty("quantity").GetInt32());
        Assert.Equal((4, 3), (mergedBody.GetProperty("adjustments")[0].GetProperty("requested").GetInt32(), mergedBody.GetProperty("adjustments")[0].GetProperty("granted").GetInt32()));
        Assert.Empty(await QuantitiesAsync(await SendAsync(anonymous, HttpMethod.Get, "api/cart", cartId)));

        // The wishlist, with current price and availability, and a move to the cart.
        Assert.Equal(HttpStatusCode.OK, (await customer.PutAsync(new Uri($"api/wishlist/items/{socks}", UriKind.Relative), null)).StatusCode);
        var wishlist = await customer.GetFromJsonAsync<JsonElement>("api/wishlist");
        Assert.Equal((9.50m, 40), (wishlist.GetProperty("items")[0].GetProperty("unitPrice").GetDecimal(), wishlist.GetProperty("items")[0].GetProperty("available").GetInt32()));
        var moved = await customer.PostAsJsonAsync($"api/wishlist/items/{socks}/move-to-cart", new { quantity = 1 });
        Assert.Equal(new Dictionary<string, int> { [shoes] = 3, [socks] = 3 }, await QuantitiesAsync(moved));

        // The order is paid: what it took leaves the cart (through the sidecar, ETag-checked in cart-store), once.
        var checkedOut = new { orderId = $"order-{Guid.NewGuid():N}", lines = new[] { new { sku = shoes, quantity = 3 }, new { sku = socks, quantity = 1 } } };
        var admin = environment.Client("admin", "admin-1");
        var taken = await admin.PostAsJsonAsync($"api/carts/customers/{customerId}/checked-out-orders", checkedOut);
        var takenAgain = await admin.PostAsJsonAsync($"api/carts/customers/{customerId}/checked-out-orders", checkedOut);
        Assert.Equal(new Dictionary<string, int> { [socks] = 2 }, await QuantitiesAsync(taken));
        Assert.Equal(new Dictionary<string, int> { [socks] = 2 }, await QuantitiesAsync(takenAgain));
        Assert.Equal(new Dictionary<string, int> { [socks] = 2 }, await QuantitiesAsync(await customer.GetAsync(new Uri("api/cart", UriKind.Relative))));

        // A cart left alone is announced abandoned by the cron binding's scans.
        var leftAlone = CartIdOf(await AddAsync(anonymous, socks, 2));
        await Eventually.TrueAsync(() => AbandonedCarts(environment).Contains(leftAlone), Patience, "cart.abandoned for the cart left alone");
        var announced = Abandoned(environment).First(data => data.GetProperty("cartId").GetString() == leftAlone);
        Assert.Equal(1, announced.GetProperty("lineCount").GetInt32());

        // Pricing too slow: the priced view gives up after Cart:DependencyTimeout with a 503, never hangs.
        stand.PricingDelay = TimeSpan.FromSeconds(10);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var slow = await SendAsync(anonymous, HttpMethod.Get, "api/cart/priced", leftAlone);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, slow.StatusCode);
        Assert.InRange(stopwatch.Elapsed, CartOnKestrel.DependencyTimeout, CartOnKestrel.DependencyTimeout + TimeSpan.FromSeconds(5));
        stand.PricingDelay = TimeSpan.Zero;

        // Catalog down: adding is a 503 problem, at once.
        await stand.StopAsync(AppIds.Catalog);
        var down = await AddAsync(anonymous, socks, 1, leftAlone);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("sqlite", "in-memory")]
    [InlineData("redis", "redis")]
    public async Task An_untouched_cart_expires_through_the_state_stores_ttl(string storeKind, string pubsubKind)
    {
        await using var environment = await CartEnvironment.StartAsync(storeKind, pubsubKind, timeToLive: TimeSpan.FromSeconds(2), abandonAfter: TimeSpan.FromHours(1));
        var sku = $"SHOE-{Guid.NewGuid():N}"[..16];
        environment.Dependencies.Skus[sku] = ("active", "shoes");
        var support = environment.Client("support", "agent-1");

        var cartId = CartIdOf(await AddAsync(environment.Client(), sku, 1));
        var stored = await support.GetAsync(new Uri($"api/carts/anonymous/{cartId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        await Eventually.TrueAsync(
            async () => (await support.GetAsync(new Uri($"api/carts/anonymous/{cartId}", UriKind.Relative))).StatusCode == HttpStatusCode.NotFound,
            Patience, "the cart expired");
    }

    private static List<JsonElement> Abandoned(CartEnvironment environment) =>
        environment.Listener.At(CartEnvironment.AbandonedRoute)
            .Select(envelope => JsonSerializer.Deserialize<JsonElement>(envelope["data"]!.ToJsonString()))
            .ToList();

    private static List<string?> AbandonedCarts(CartEnvironment environment) =>
        Abandoned(environment).Select(data => data.GetProperty("cartId").GetString()).ToList();
}
