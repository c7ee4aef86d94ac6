using System.Net.Http.Json;
using System.Text.Json;
using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Ordering.Tests.Sidecar;

/// <summary>
/// The <c>ordering-sweep</c> cron binding against the real workflow engine of a DaprLocal sidecar: a checkout saga an
/// operator terminated while it waited for a fraud review would leave its order awaiting forever; the sweep (every
/// second here, with the fraud review timeout at 5 s and <c>Ordering:Sweep:StuckAfter</c> at 1 s) ends it Failed with
/// the payment voided and the stock released, and announces it on orders.cancelled.
/// </summary>
[Collection(SidecarsInSeries.Name)]
public sealed class SweepWithSidecarTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task An_order_whose_saga_was_terminated_is_ended_failed_with_the_payment_voided_and_the_stock_released()
    {
        await using var environment = await OrderingEnvironment.StartAsync(settings: new Dictionary<string, string>
        {
            ["Ordering:Checkout:FraudReviewTimeout"] = "00:00:05",
            ["Ordering:Sweep:StuckAfter"] = "00:00:01",
        }, sweep: true);
        var customer = $"customer-{Guid.NewGuid():N}";
        environment.Services.Carts[customer] = [("SKU-1", 2)];
        var client = environment.Client("customer", customer);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders")
        {
            Content = JsonContent.Create(new
            {
                shippingAddress = new { recipient = "Ada Lovelace", line1 = "Unter den Linden 1", city = "Berlin", postalCode = "10115", country = "DE" },
                shippingMethod = "standard",
                paymentMethodId = "pm-review",
                currency = "EUR",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var placed = await client.SendAsync(request);
        var orderId = (await JsonAsync(placed)).GetProperty("orderId").GetString()!;
        await StatusAsync(client, orderId, "awaitingFraudReview", Patience);

        // An operator terminates the saga while it waits: nothing will ever move the order again but the sweep.
        var workflows = environment.Ordering.Services.GetRequiredService<DaprWorkflowClient>();
        await workflows.TerminateWorkflowAsync(orderId);

        var order = await StatusAsync(client, orderId, "failed", Patience);
        Assert.Equal("checkout saga stopped: terminated", order.GetProperty("statusHistory").EnumerateArray().Last().GetProperty("reason").GetString());
        Assert.Equal("voided", environment.Services.Payments[$"pay-{orderId}"].Status);
        Assert.Equal("released", environment.Services.Reservations[orderId]);
        Assert.False(environment.Services.Shipments.ContainsKey(orderId));
        Assert.Equal(WorkflowRuntimeStatus.Terminated, (await workflows.GetWorkflowStateAsync(orderId, getInputsAndOutputs: false)).RuntimeStatus);
        // The order is recorded before the recovery's last step: wait for the recovery itself to end.
        var recovery = await workflows.WaitForWorkflowCompletionAsync($"recover-{orderId}", getInputsAndOutputs: false).WaitAsync(Patience);
        Assert.Equal(WorkflowRuntimeStatus.Completed, recovery.RuntimeStatus);
        await Eventually.TrueAsync(() => environment.Received(Topics.OrdersCancelled).Any(e => e.GetProperty("orderId").GetString() == orderId), Patience, "orders.cancelled published");
        var cancelled = environment.Received(Topics.OrdersCancelled).Single(e => e.GetProperty("orderId").GetString() == orderId);
        Assert.Equal("failed", cancelled.GetProperty("finalStatus").GetString());
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client, string orderId, string status, TimeSpan patience)
    {
        JsonElement order = default;
        await Eventually.TrueAsync(async () =>
        {
            order = await JsonAsync(await client.GetAsync($"api/orders/{orderId}"));
            return order.GetProperty("status").GetString() == status;
        }, patience, $"order {orderId} {status} (last seen: {order})");
        return order;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
}
