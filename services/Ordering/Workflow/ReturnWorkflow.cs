using Dapr.Workflow;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Workflow.Activities;

namespace Ecommerce.Ordering.Workflow;

/// <summary>
/// The return of a delivered order (instance id <c>return-{orderId}</c>): waits for an admin's
/// <see cref="SagaEvents.ReturnDecided"/> (no decision within the timeout rejects it); rejected, the order is
/// Delivered again with the reason; approved, the payment is refunded — the whole order: a return is of the whole
/// order, so the refund is everything still captured, tax and shipping included — and every line is put back into
/// stock, then the order is Returned. Both are idempotent, so a retried or replayed step neither refunds nor restocks
/// twice. If one fails for good the order stays ReturnRequested with what is left to do recorded and logged at Error.
/// </summary>
public sealed partial class ReturnWorkflow : Workflow<ReturnInput, ReturnStatus>
{
    public override async Task<ReturnStatus> RunAsync(WorkflowContext context, ReturnInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = input.StepRetry.ToOptions();
        context.SetCustomStatus(new CheckoutProgress(CheckoutSteps.AwaitingReturnDecision, $"Waiting for an admin's decision (at most {input.DecisionTimeout})."));
        Decision decision;
        try
        {
            decision = await context.WaitForExternalEventAsync<Decision>(SagaEvents.ReturnDecided, input.DecisionTimeout);
        }
        catch (TaskCanceledException)
        {
            decision = new Decision(false, "no decision in time");
        }

        if (!decision.Approve)
        {
            await context.CallActivityAsync<bool>(nameof(RecordReturnActivity), new ReturnRecord(input.OrderId, ReturnStatus.Rejected, decision.Reason), retry);
            context.SetCustomStatus(new CheckoutProgress(CheckoutSteps.ReturnRejected, decision.Reason ?? "Rejected."));
            return ReturnStatus.Rejected;
        }

        await context.CallActivityAsync<bool>(nameof(RecordReturnActivity), new ReturnRecord(input.OrderId, ReturnStatus.Approved, decision.Reason), retry);
        decimal refunded;
        try
        {
            context.SetCustomStatus(new CheckoutProgress(CheckoutSteps.Refunding, "Refunding the payment."));
            refunded = await context.CallActivityAsync<decimal>(nameof(RefundPaymentActivity), new RefundStep(input.OrderId, input.PaymentId, "return"), retry);
        }
        catch (WorkflowTaskFailedException failure)
        {
            return await LeftUndoneAsync(context, input, retry, $"refund the payment ({failure.FailureDetails.ErrorMessage}); restock the lines");
        }
        try
        {
            context.SetCustomStatus(new CheckoutProgress(CheckoutSteps.Restocking, "Putting the goods back into stock."));
            await context.CallActivityAsync<bool>(nameof(RestockReturnActivity), new RestockStep(input.OrderId, input.RestockWarehouseId), retry);
        }
        catch (WorkflowTaskFailedException failure)
        {
            return await LeftUndoneAsync(context, input, retry, $"restock the lines ({failure.FailureDetails.ErrorMessage})");
        }

        await context.CallActivityAsync<bool>(nameof(RecordReturnActivity), new ReturnRecord(input.OrderId, ReturnStatus.Completed, decision.Reason, refunded), retry);
        context.SetCustomStatus(new CheckoutProgress(CheckoutSteps.Returned, $"Refunded {refunded} and restocked."));
        return ReturnStatus.Completed;
    }

    private static async Task<ReturnStatus> LeftUndoneAsync(WorkflowContext context, ReturnInput input, WorkflowTaskOptions retry, string left)
    {
        LogLeftToDo(context.CreateReplaySafeLogger<ReturnWorkflow>(), input.OrderId, left);
        await context.CallActivityAsync<bool>(nameof(RecordReturnActivity), new ReturnRecord(input.OrderId, ReturnStatus.Approved, null, LeftToDo: [left]), retry);
        context.SetCustomStatus(new CheckoutProgress(CheckoutSteps.Ended, $"Left to do: {left}"));
        return ReturnStatus.Approved;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Return of order {OrderId} stopped with work left to do: {LeftToDo}")]
    private static partial void LogLeftToDo(ILogger logger, string orderId, string leftToDo);
}
