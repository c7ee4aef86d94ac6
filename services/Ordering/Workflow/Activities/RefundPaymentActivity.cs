using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Gives back what is still captured and not refunded on the order's payment: the compensation of a capture whose
/// stock could not be committed, and the refund of a return. Idempotent twice over: the key (<c>{purpose}-{orderId}</c>)
/// makes payment answer a repeated refund the same, and an amount already refunded is not asked again.
/// </summary>
public sealed class RefundPaymentActivity(ServiceInvoker invoker) : WorkflowActivity<RefundStep, decimal>
{
    /// <returns>The amount this refund gave back (0 when nothing was left to refund).</returns>
    public override async Task<decimal> RunAsync(WorkflowActivityContext context, RefundStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = $"{input.Purpose}-{input.OrderId}";
        var payment = await PaymentAnswers.GetAsync(invoker, input.PaymentId);
        var left = payment.CapturedAmount - payment.RefundedAmount - payment.DisputedAmount;
        if (left <= 0)
        {
            return 0;
        }
        using var answer = await invoker.PostAsync(AppIds.Payment, $"api/payments/{Uri.EscapeDataString(input.PaymentId)}/refunds",
            new { idempotencyKey = key, amount = left }, CancellationToken.None, key);
        if (answer.IsSuccessStatusCode)
        {
            return left;
        }
        throw new InvalidOperationException($"Refunding payment {input.PaymentId} was refused: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
    }
}

/// <summary>The input of <see cref="RefundPaymentActivity"/>; <see cref="Purpose"/> (<c>return</c>, <c>compensation</c>) names the refund's key.</summary>
public sealed record RefundStep(string OrderId, string PaymentId, string Purpose);
