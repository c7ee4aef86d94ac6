using System.Net;
using System.Net.Http.Json;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Workflow;
using static Ecommerce.Ordering.Tests.Api.OrderRequests;

namespace Ecommerce.Ordering.Tests.Api;

/// <summary>Cancel, fraud-review and return decisions, returns, and the saga view: each signals the saga or refuses with 409.</summary>
public sealed class OrderChangesTests(OrderingApiFactory factory) : IClassFixture<OrderingApiFactory>
{
    [Fact]
    public async Task Cancel_while_checking_out_is_202_records_the_request_and_raises_cancel_requested()
    {
        var (customer, orderId) = await PlacedAsync();

        var response = await factory.ClientAs("customer", customer).PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "too slow" });
        var again = await factory.ClientAs("customer", customer).PostAsync(new Uri($"/api/orders/{orderId}/cancel", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var order = await factory.OrderAsync(orderId);
        Assert.True(order.CancelRequested);
        Assert.Equal("too slow", order.CancelReason);
        var raised = factory.Sagas.Raised.Where(r => r.InstanceId == orderId).ToList();
        Assert.All(raised, r => Assert.Equal((SagaEvents.CancelRequested, "too slow"), (r.EventName, ((CancelRequest)r.Payload).Reason)));
        Assert.Equal(2, raised.Count);
    }

    [Fact]
    public async Task Cancel_is_409_once_capture_has_started_or_the_order_has_ended_and_404_for_someone_else()
    {
        var (customer, capturing) = await PlacedAsync();
        await factory.ChangeAsync(capturing, order => order with { CaptureStarted = true });
        var (_, confirmed) = await PlacedAsync(customer);
        await factory.ChangeAsync(confirmed, order => order.MovedTo(OrderStatus.Confirmed, "test", DateTimeOffset.UtcNow));
        var (_, rejected) = await PlacedAsync(customer);
        await factory.ChangeAsync(rejected, order => order.MovedTo(OrderStatus.Rejected, "out of stock: X", DateTimeOffset.UtcNow));
        var client = factory.ClientAs("customer", customer);

        foreach (var orderId in new[] { capturing, confirmed, rejected })
        {
            var response = await client.PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { });
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False((await factory.OrderAsync(orderId)).CancelRequested);
        }
        Assert.DoesNotContain(factory.Sagas.Raised, r => r.InstanceId == capturing || r.InstanceId == confirmed || r.InstanceId == rejected);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAs("customer", NewId("stranger")).PostAsJsonAsync($"/api/orders/{capturing}/cancel", new { })).StatusCode);
    }

    [Fact]
    public async Task An_admin_cancels_any_order_and_a_customer_cannot_use_the_admin_route()
    {
        var (customer, orderId) = await PlacedAsync();

        var byCustomer = await factory.ClientAs("customer", customer).PostAsJsonAsync($"/api/orders/admin/orders/{orderId}/cancel", new { });
        var byAdmin = await factory.ClientAs("admin", "boss").PostAsJsonAsync($"/api/orders/admin/orders/{orderId}/cancel", new { });

        Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, byAdmin.StatusCode);
        Assert.Equal("by an admin", (await factory.OrderAsync(orderId)).CancelReason);
    }

    [Fact]
    public async Task A_fraud_decision_is_409_unless_the_order_awaits_review_and_then_202_raising_the_decision()
    {
        var (_, orderId) = await PlacedAsync();
        var admin = factory.ClientAs("admin", "boss");

        var tooEarly = await admin.PostAsJsonAsync($"/api/orders/admin/orders/{orderId}/fraud-review", new { approve = true });
        await factory.ChangeAsync(orderId, order => order.MovedTo(OrderStatus.AwaitingFraudReview, "held", DateTimeOffset.UtcNow));
        var missingApprove = await admin.PostAsJsonAsync($"/api/orders/admin/orders/{orderId}/fraud-review", new { reason = "?" });
        var bySupport = await factory.ClientAs("support", "agent").PostAsJsonAsync($"/api/orders/admin/orders/{orderId}/fraud-review", new { approve = true });
        var decided = await admin.PostAsJsonAsync($"/api/orders/admin/orders/{orderId}/fraud-review", new { approve = false, reason = "stolen card" });

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal(["approve"], await FieldErrorsAsync(missingApprove));
        Assert.Equal(HttpStatusCode.Forbidden, bySupport.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        var raised = Assert.Single(factory.Sagas.Raised, r => r.InstanceId == orderId);
        Assert.Equal(SagaEvents.FraudReviewDecided, raised.EventName);
        Assert.Equal(new Decision(false, "stolen card"), raised.Payload);
    }

    [Fact]
    public async Task A_return_is_409_unless_delivered_then_202_starting_the_return_saga_and_only_once()
    {
        var (customer, orderId) = await PlacedAsync();
        var client = factory.ClientAs("customer", customer);

        var notDelivered = await client.PostAsJsonAsync($"/api/orders/{orderId}/returns", new { reason = "too small" });
        await factory.ChangeAsync(orderId, order => order.MovedTo(OrderStatus.Delivered, "delivered", DateTimeOffset.UtcNow) with { PaymentId = "pay-1" });
        var noReason = await client.PostAsJsonAsync($"/api/orders/{orderId}/returns", new { });
        var requested = await client.PostAsJsonAsync($"/api/orders/{orderId}/returns", new { reason = "too small" });
        var twice = await client.PostAsJsonAsync($"/api/orders/{orderId}/returns", new { reason = "too small" });

        Assert.Equal(HttpStatusCode.Conflict, notDelivered.StatusCode);
        Assert.Equal(["reason"], await FieldErrorsAsync(noReason));
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var json = await JsonAsync(requested);
        Assert.Equal("returnRequested", json.GetProperty("status").GetString());
        Assert.Equal(("requested", "too small"), (json.GetProperty("return").GetProperty("status").GetString(), json.GetProperty("return").GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var input = Assert.Single(factory.Sagas.Starts.OfType<ReturnInput>(), i => i.OrderId == orderId);
        Assert.Equal(("pay-1", "main", TimeSpan.FromDays(7)), (input.PaymentId, input.RestockWarehouseId, input.DecisionTimeout));
        Assert.Single(factory.Events.Of<OrderStatusChangedV1>(), e => e.OrderId == orderId && e.Status == OrderStatus.ReturnRequested);
    }

    [Fact]
    public async Task A_return_decision_is_409_without_a_pending_return_and_202_raising_it_with_one()
    {
        var (customer, orderId) = await PlacedAsync();
        var admin = factory.ClientAs("admin", "boss");
        var none = await admin.PostAsJsonAsync($"/api/orders/admin/orders/{orderId}/return-decision", new { approve = true });
        await factory.ChangeAsync(orderId, order => order.MovedTo(OrderStatus.Delivered, "delivered", DateTimeOffset.UtcNow) with { PaymentId = "pay-1" });
        await factory.ClientAs("customer", customer).PostAsJsonAsync($"/api/orders/{orderId}/returns", new { reason = "broken" });

        var decided = await admin.PostAsJsonAsync($"/api/orders/admin/orders/{orderId}/return-decision", new { approve = true, reason = "ok" });

        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        var raised = Assert.Single(factory.Sagas.Raised, r => r.InstanceId == ISagas.ReturnInstanceId(orderId));
        Assert.Equal((SagaEvents.ReturnDecided, new Decision(true, "ok")), (raised.EventName, (Decision)raised.Payload));
    }

    [Fact]
    public async Task The_saga_view_shows_the_checkout_or_the_return_saga_and_404_when_there_is_none()
    {
        var (_, orderId) = await PlacedAsync();
        var support = factory.ClientAs("support", "agent");

        var checkout = await support.GetAsync(new Uri($"/api/orders/admin/orders/{orderId}/saga", UriKind.Relative));
        var noReturn = await support.GetAsync(new Uri($"/api/orders/admin/orders/{orderId}/saga?workflow=return", UriKind.Relative));
        var badKind = await support.GetAsync(new Uri($"/api/orders/admin/orders/{orderId}/saga?workflow=other", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        var view = await JsonAsync(checkout);
        Assert.Equal((orderId, nameof(CheckoutWorkflow)), (view.GetProperty("instanceId").GetString(), view.GetProperty("workflowName").GetString()));
        Assert.Equal("executionStarted", view.GetProperty("history")[0].GetProperty("eventType").GetString());
        Assert.Equal(HttpStatusCode.NotFound, noReturn.StatusCode);
        Assert.Equal(["workflow"], await FieldErrorsAsync(badKind));
    }

    private async Task<(string Customer, string OrderId)> PlacedAsync(string? customer = null)
    {
        customer ??= NewId("customer");
        factory.Cart.Carts[customer] = Lines(("SKU-1", 1));
        var response = await PlaceAsync(factory.ClientAs("customer", customer), NewId("key"), Body());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (customer, await OrderIdAsync(response));
    }
}
