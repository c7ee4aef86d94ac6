using System.Net;
using System.Net.Http.Json;
using Ecommerce.Payment.Model;
using static Ecommerce.Payment.Tests.Api.PaymentRequests;

namespace Ecommerce.Payment.Tests.Api;

/// <summary>Who may call what: service endpoints need ordering (via its sidecar) or an admin; history is scoped.</summary>
public sealed class AccessTests(PaymentApiFactory factory) : IClassFixture<PaymentApiFactory>
{
    [Fact]
    public async Task Service_endpoints_refuse_anyone_but_ordering_or_an_admin()
    {
        var userId = NewId("user");
        var customer = factory.ClientAs("customer", userId);
        var methodId = await MethodAsync(customer);
        var request = Authorization(NewId("order"), userId, methodId);
        var otherApp = factory.CreateClient();
        otherApp.DefaultRequestHeaders.Add("dapr-caller-app-id", "cart");

        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthorizeAsync(factory.ClientAs(null), request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthorizeAsync(otherApp, request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AuthorizeAsync(customer, request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AuthorizeAsync(factory.ClientAs("support"), request)).StatusCode);
        var byAdmin = await AuthorizeAsync(factory.ClientAs("admin"), request);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        var id = await IdAsync(byAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await CaptureAsync(customer, id, "cap")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostAsJsonAsync($"api/payments/{id}/review", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CaptureAsync(factory.ClientAs("admin"), id, "cap")).StatusCode);
    }

    [Fact]
    public async Task A_customer_reads_only_their_own_payments_and_order_history_is_for_ordering_support_and_admins()
    {
        var (alice, bob) = (NewId("user"), NewId("user"));
        var aliceClient = factory.ClientAs("customer", alice);
        var orderId = NewId("order");
        var paymentId = await IdAsync(await AuthorizeAsync(factory.Ordering(), Authorization(orderId, alice, await MethodAsync(aliceClient), orderId: orderId)));

        var mine = await JsonAsync(await aliceClient.GetAsync("api/payments/mine"));
        var bobs = await JsonAsync(await factory.ClientAs("customer", bob).GetAsync("api/payments/mine"));

        Assert.Equal(paymentId, Assert.Single(mine.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(0, bobs.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await aliceClient.GetAsync($"api/payments?orderId={orderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await aliceClient.GetAsync($"api/payments/{paymentId}")).StatusCode);
        foreach (var reader in new[] { factory.Ordering(), factory.ClientAs("support"), factory.ClientAs("admin") })
        {
            var history = await JsonAsync(await reader.GetAsync($"api/payments?orderId={orderId}"));
            var payment = Assert.Single(history.EnumerateArray());
            Assert.Equal("authorize", Assert.Single(payment.GetProperty("transactions").EnumerateArray()).GetProperty("kind").GetString());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.Ordering().GetAsync("api/payments")).StatusCode);
        Assert.DoesNotContain(TestCards.Success, string.Concat(factory.Store.Snapshot().Values), StringComparison.Ordinal);
    }
}
