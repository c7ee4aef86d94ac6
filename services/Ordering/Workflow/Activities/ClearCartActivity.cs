using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Step 6: takes what the order took out of the customer's cart — cart's
/// <c>POST /api/carts/customers/{customerId}/checked-out-orders</c> with the order's lines as they were snapshotted when
/// it was placed — before the order shows Confirmed. Never the whole cart: the shopper may have added lines while the
/// saga ran, and those stay. Cart subtracts each quantity (ETag-checked, so a concurrent edit is not lost) and remembers
/// the order id, so this step retried or replayed takes the lines once. A customer without a cart is a 200 too.
/// (The name stays "ClearCart": a saga already running replays its history by activity name.)
/// </summary>
public sealed class ClearCartActivity(OrderRepository orders, ServiceInvoker invoker) : WorkflowActivity<OrderStep, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, OrderStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = await orders.GetAsync(input.OrderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {input.OrderId} does not exist.");
        var checkedOut = new CheckedOutOrder(order.Id, [.. order.Lines.Select(line => new CheckedOutLine(line.Sku, line.Quantity))]);
        using var answer = await invoker.PostAsync(AppIds.Cart, CheckedOutOrder.Path(order.CustomerId), checkedOut, CancellationToken.None);
        if (answer.IsSuccessStatusCode)
        {
            return true;
        }
        throw new InvalidOperationException($"Taking order {order.Id} out of the cart was refused: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
    }
}
