using Dapr.Workflow;
using Ecommerce.Ordering.Infrastructure;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Before capture: marks the order as past the point of no return, unless a cancel was requested first. The cancel
/// endpoint and this step both write the order with its ETag, so exactly one of them wins: either the cancel is
/// accepted and the saga compensates, or capture starts and the cancel is a 409. A repeat of this step after it
/// passed passes again.
/// </summary>
public sealed class PassPointOfNoReturnActivity(OrderRepository orders, TimeProvider clock) : WorkflowActivity<OrderStep, PointOfNoReturn>
{
    public override async Task<PointOfNoReturn> RunAsync(WorkflowActivityContext context, OrderStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string? cancelReason = null;
        var now = clock.GetUtcNow();
        var update = await orders.UpdateAsync(input.OrderId, order =>
        {
            cancelReason = null;
            if (order.CaptureStarted)
            {
                return null;
            }
            if (order.CancelRequested)
            {
                cancelReason = order.CancelReason ?? "cancel requested";
                return null;
            }
            return order with { CaptureStarted = true, UpdatedAt = now };
        }, CancellationToken.None);
        if (update.Conflict || update.Order is null)
        {
            throw new InvalidOperationException($"Order {input.OrderId} could not be marked for capture; the step is retried.");
        }
        return new PointOfNoReturn(cancelReason is null, cancelReason);
    }
}

/// <summary>Passed (capture may start), or not because of the cancel with this reason.</summary>
public sealed record PointOfNoReturn(bool Passed, string? CancelReason);
