using Dapr.Workflow;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Records a status the saga moved the order to (with the time and reason in its history), then announces it:
/// <c>orders.status-changed</c> always, <c>orders.confirmed</c> on confirmation (with the coupon codes, which pricing
/// counts), <c>orders.cancelled</c> on an unfulfilled end. Announced after the commit; when the order is already in
/// that status (the step is repeated after a crash between the two), it is announced again rather than lost
/// (consumers deduplicate on order and status).
/// </summary>
public sealed class RecordStatusActivity(OrderRepository orders, IOrderEvents events, TimeProvider clock) : WorkflowActivity<StatusRecord, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, StatusRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        OrderStatus? previous = null;
        var now = clock.GetUtcNow();
        var update = await orders.UpdateAsync(input.OrderId, order =>
        {
            previous = order.Status;
            var unchanged = order.Status == input.Status && input.LeftToUndo is not { Count: > 0 };
            if (unchanged)
            {
                return null;
            }
            var moved = order.Status == input.Status ? order with { UpdatedAt = now } : order.MovedTo(input.Status, input.Reason, now);
            return input.LeftToUndo is { Count: > 0 } left ? moved with { OutstandingCompensations = left } : moved;
        }, CancellationToken.None);
        var recorded = update.Order;
        if (update.Conflict || recorded is null)
        {
            throw new InvalidOperationException($"The status of order {input.OrderId} could not be recorded; the step is retried.");
        }

        var from = previous == input.Status ? recorded.StatusHistory.Reverse().Skip(1).Select(c => (OrderStatus?)c.Status).FirstOrDefault() : previous;
        await events.StatusChangedAsync(new OrderStatusChangedV1(recorded.Id, recorded.CustomerId, input.Status, from, input.Reason));
        if (input.Status == OrderStatus.Confirmed)
        {
            await events.ConfirmedAsync(new OrderConfirmedV1(recorded.Id, recorded.CustomerId, recorded.Currency, recorded.Totals?.Total ?? 0, recorded.CouponCodes));
        }
        else if (OrderStatuses.IsUnfulfilledEnd(input.Status))
        {
            await events.CancelledAsync(new OrderCancelledV1(recorded.Id, recorded.CustomerId, input.Status, input.Reason ?? input.Status.ToString(), recorded.CouponCodes));
        }
        return update.Changed;
    }
}

/// <summary>The input of <see cref="RecordStatusActivity"/>; <c>LeftToUndo</c> is what a failed compensation left undone (kept on the order for an operator).</summary>
public sealed record StatusRecord(string OrderId, OrderStatus Status, string? Reason, IReadOnlyList<string>? LeftToUndo = null);
