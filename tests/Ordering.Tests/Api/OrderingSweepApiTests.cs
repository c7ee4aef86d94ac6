using System.Net;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Workflow;
using static Ecommerce.Ordering.Tests.Api.OrderRequests;

namespace Ecommerce.Ordering.Tests.Api;

/// <summary>
/// <c>POST /ordering-sweep</c>, the route of the cron binding, through the real pipeline: with <c>Ordering:Sweep:StuckAfter</c>
/// at a millisecond, an order placed through the API is left alone while its saga runs, and recovered once the engine
/// says the saga was terminated. It is not part of the API description.
/// </summary>
public sealed class OrderingSweepApiTests(OrderingApiFactory factory) : IClassFixture<OrderingApiFactory>
{
    [Fact]
    public async Task The_sweep_recovers_an_order_whose_saga_was_terminated_and_leaves_a_running_one_alone()
    {
        using var swept = factory.WithWebHostBuilder(builder => builder.UseSetting("Ordering:Sweep:StuckAfter", "00:00:00.001"));
        var customer = NewId("customer");
        factory.Cart.Carts[customer] = Lines(("SKU-1", 1));
        var orderId = await OrderIdAsync(await PlaceAsync(factory.ClientAs("customer", customer), NewId("key"), Body()));
        await Task.Delay(10);

        var whileRunning = await JsonAsync(await swept.CreateClient().PostAsync(new Uri("/ordering-sweep", UriKind.Relative), null));
        factory.Sagas.States[orderId] = new SagaState("terminated", true, null);
        var response = await swept.CreateClient().PostAsync(new Uri("/ordering-sweep", UriKind.Relative), null);
        var afterTermination = await JsonAsync(response);

        Assert.DoesNotContain(whileRunning.GetProperty("recovering").EnumerateArray(), o => o.GetProperty("orderId").GetString() == orderId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recovering = Assert.Single(afterTermination.GetProperty("recovering").EnumerateArray(), o => o.GetProperty("orderId").GetString() == orderId);
        Assert.Equal(("submitted", "terminated"), (recovering.GetProperty("status").GetString(), recovering.GetProperty("saga").GetString()));
        var input = Assert.Single(factory.Sagas.Starts.OfType<RecoveryInput>(), i => i.OrderId == orderId);
        Assert.Equal("checkout saga stopped: terminated", input.Reason);
        Assert.Equal(1, factory.Sagas.StartsOf(ISagas.RecoveryInstanceId(orderId)));
    }

    [Fact]
    public async Task The_sweep_route_is_not_in_the_api_description()
    {
        var document = await factory.CreateClient().GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        Assert.DoesNotContain("ordering-sweep", document, StringComparison.Ordinal);
    }
}
