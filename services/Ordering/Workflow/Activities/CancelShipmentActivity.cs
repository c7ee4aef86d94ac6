using System.Net;
using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Compensation: cancels the order's shipment. Cancelling a cancelled shipment is a 200 again and an order without one
/// is a 404, both fine; a shipment already picked up (409) cannot be cancelled and fails the activity.
/// </summary>
public sealed class CancelShipmentActivity(ServiceInvoker invoker) : WorkflowActivity<OrderStep, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, OrderStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var answer = await invoker.PostAsync(AppIds.Shipping, $"api/shipping/shipments/{input.OrderId}/cancel", new { }, CancellationToken.None);
        if (answer.IsSuccessStatusCode || answer.StatusCode == HttpStatusCode.NotFound)
        {
            return true;
        }
        throw new InvalidOperationException($"Cancelling the shipment of {input.OrderId} was refused: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
    }
}
