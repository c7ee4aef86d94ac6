using System.Net;
using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.Ordering.Infrastructure;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Step 6: empties the customer's cart (cart's <c>DELETE /api/carts/customers/{customerId}</c>, which admits the ordering
/// app) before the order shows Confirmed, so a shopper who sees the confirmation sees an empty cart. Emptying twice
/// changes nothing, and a customer without a cart (404) is fine. The cart also empties itself on <c>orders.confirmed</c>,
/// so when this step fails the event still does it: the saga logs it and confirms the paid order anyway.
/// </summary>
public sealed class ClearCartActivity(OrderRepository orders, ServiceInvoker invoker) : WorkflowActivity<OrderStep, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, OrderStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = await orders.GetAsync(input.OrderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {input.OrderId} does not exist.");
        using var answer = await invoker.DeleteAsync(AppIds.Cart, $"api/carts/customers/{Uri.EscapeDataString(order.CustomerId)}", CancellationToken.None);
        if (answer.IsSuccessStatusCode || answer.StatusCode == HttpStatusCode.NotFound)
        {
            return true;
        }
        throw new InvalidOperationException($"Emptying the cart of order {order.Id} was refused: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
    }
}
