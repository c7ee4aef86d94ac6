using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Compensation: gives the order's reserved stock back. Idempotent in inventory (releasing again, or releasing an id
/// never reserved, is a 200 and leaves a tombstone so a late reserve is refused). A committed reservation cannot be
/// released: that 409 fails the activity, and the saga reports it as left to undo.
/// </summary>
public sealed class ReleaseStockActivity(ServiceInvoker invoker) : WorkflowActivity<OrderStep, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, OrderStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var answer = await invoker.PostAsync(AppIds.Inventory, $"api/inventory/reservations/{input.OrderId}/release", new { }, CancellationToken.None);
        if (answer.IsSuccessStatusCode)
        {
            return true;
        }
        throw new InvalidOperationException($"Releasing the stock of {input.OrderId} was refused: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
    }
}
