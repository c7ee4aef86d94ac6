using Dapr.Workflow;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Records where a return is: approved (the order stays ReturnRequested while refund and restock run), rejected (the
/// order is Delivered again, with the reason) or completed (Returned). A status change is announced on
/// <c>orders.status-changed</c> after the commit; a repeated step changes nothing and announces again.
/// </summary>
public sealed class RecordReturnActivity(OrderRepository orders, IOrderEvents events, TimeProvider clock) : WorkflowActivity<ReturnRecord, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, ReturnRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        OrderStatus? previous = null;
        var target = input.Status switch
        {
            ReturnStatus.Rejected => OrderStatus.Delivered,
            ReturnStatus.Completed => OrderStatus.Returned,
            _ => OrderStatus.ReturnRequested,
        };
        var update = await orders.UpdateAsync(input.OrderId, order =>
        {
            previous = order.Status;
            if (order.Return is not { } current || (current.Status == input.Status && input.LeftToDo is null))
            {
                return null;
            }
            var decided = input.Status is ReturnStatus.Approved or ReturnStatus.Rejected && current.DecidedAt is null
                ? current with { DecidedAt = now, DecisionReason = input.Reason }
                : current;
            var updated = order with
            {
                Return = decided with { Status = input.Status, RefundedAmount = input.RefundedAmount ?? decided.RefundedAmount },
                OutstandingCompensations = input.LeftToDo ?? order.OutstandingCompensations,
                UpdatedAt = now,
            };
            var reason = input.Status == ReturnStatus.Rejected
                ? string.IsNullOrWhiteSpace(input.Reason) ? "return rejected" : $"return rejected: {input.Reason}"
                : input.Status == ReturnStatus.Completed ? "refunded and restocked" : null;
            return order.Status == target ? updated : updated.MovedTo(target, reason, now);
        }, CancellationToken.None);
        if (update.Conflict || update.Order is not { } recorded)
        {
            throw new InvalidOperationException($"The return of order {input.OrderId} could not be recorded; the step is retried.");
        }
        if (recorded.Status == target && target != OrderStatus.ReturnRequested)
        {
            var last = recorded.StatusHistory[^1];
            var from = previous == target ? recorded.StatusHistory.Reverse().Skip(1).Select(c => (OrderStatus?)c.Status).FirstOrDefault() : previous;
            await events.StatusChangedAsync(new OrderStatusChangedV1(recorded.Id, recorded.CustomerId, target, from, last.Reason));
        }
        return update.Changed;
    }
}

/// <summary>The input of <see cref="RecordReturnActivity"/>.</summary>
public sealed record ReturnRecord(string OrderId, ReturnStatus Status, string? Reason, decimal? RefundedAmount = null, IReadOnlyList<string>? LeftToDo = null);
