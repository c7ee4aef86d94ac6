using Dapr.Workflow;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Workflow.Activities;

namespace Ecommerce.Ordering.Workflow;

/// <summary>
/// Ends an order whose checkout saga stopped without ending it (failed, terminated, or never started; instance id
/// <c>recover-{orderId}</c>, started by the <c>ordering-sweep</c>). What the saga did is not known, so every
/// compensation that may apply runs — each is idempotent and harmless when there is nothing to undo: cancel the shipment
/// (none is a 404), give the money back (a refund of what was captured once the point of no return was passed, and a
/// void of an authorization still held — looked up by order when the saga never learned its payment), release the
/// stock (releasing an id never reserved leaves a tombstone so a late reserve is refused). Then the order is recorded
/// Failed with the reason and announced on <c>orders.cancelled</c> like any unfulfilled end; what a compensation left
/// undone is kept on the order and logged at Error, as the saga does.
/// </summary>
public sealed partial class CheckoutRecoveryWorkflow : Workflow<RecoveryInput, CheckoutResult>
{
    public override async Task<CheckoutResult> RunAsync(WorkflowContext context, RecoveryInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = input.CompensationRetry.ToOptions();
        var order = new OrderStep(input.OrderId);
        var left = new List<string>();
        context.SetCustomStatus(new CheckoutProgress(CheckoutSteps.Compensating, $"Undoing whatever the stopped saga may have done ({input.Reason})."));

        await UndoAsync(context, nameof(CancelShipmentActivity), order, retry, "cancel the shipment", left);
        var refunded = 0m;
        var refundFailed = false;
        if (input.CaptureStarted && input.PaymentId is { } captured)
        {
            var before = left.Count;
            refunded = await UndoAsync<decimal>(context, nameof(RefundPaymentActivity), new RefundStep(input.OrderId, captured, "compensation"), retry, "refund the captured payment", left);
            refundFailed = left.Count > before;
        }
        if (refunded == 0 && !refundFailed)
        {
            // Nothing was captured (or the capture never happened after all): an authorization may still be held.
            await UndoAsync(context, nameof(VoidPaymentActivity), new VoidStep(input.OrderId, input.PaymentId), retry, "void the payment authorization", left);
        }
        await UndoAsync(context, nameof(ReleaseStockActivity), order, retry, "release the reserved stock", left);

        var reason = left.Count == 0 ? input.Reason : $"{input.Reason}; left to undo: {string.Join("; ", left)}";
        if (left.Count > 0)
        {
            LogLeftToUndo(context.CreateReplaySafeLogger<CheckoutRecoveryWorkflow>(), input.OrderId, string.Join("; ", left));
        }
        await context.CallActivityAsync<bool>(nameof(RecordStatusActivity), new StatusRecord(input.OrderId, OrderStatus.Failed, reason, left), retry);
        context.SetCustomStatus(new CheckoutProgress(CheckoutSteps.Ended, $"{OrderStatus.Failed}: {reason}"));
        return new CheckoutResult(OrderStatus.Failed, reason, left);
    }

    private static async Task UndoAsync(WorkflowContext context, string activity, object step, WorkflowTaskOptions retry, string what, List<string> left)
    {
        try
        {
            // Untyped: only success or failure matters here.
            await context.CallActivityAsync(activity, step, retry);
        }
        catch (WorkflowTaskFailedException failure)
        {
            left.Add($"{what} ({failure.FailureDetails.ErrorMessage})");
        }
    }

    private static async Task<T?> UndoAsync<T>(WorkflowContext context, string activity, object step, WorkflowTaskOptions retry, string what, List<string> left)
    {
        try
        {
            return await context.CallActivityAsync<T>(activity, step, retry);
        }
        catch (WorkflowTaskFailedException failure)
        {
            left.Add($"{what} ({failure.FailureDetails.ErrorMessage})");
            return default;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recovery of order {OrderId} ended with compensations left to undo: {LeftToUndo}")]
    private static partial void LogLeftToUndo(ILogger logger, string orderId, string leftToUndo);
}
