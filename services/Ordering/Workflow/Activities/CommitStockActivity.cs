using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>Step 5b: the reserved units leave stock. Idempotent in inventory; a refusal (the hold expired) fails the step.</summary>
public sealed class CommitStockActivity(ServiceInvoker invoker) : WorkflowActivity<OrderStep, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, OrderStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var answer = await invoker.PostAsync(AppIds.Inventory, $"api/inventory/reservations/{input.OrderId}/commit", new { }, CancellationToken.None);
        if (answer.IsSuccessStatusCode)
        {
            return true;
        }
        throw new InvalidOperationException($"Committing the stock of {input.OrderId} was refused: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
    }
}
