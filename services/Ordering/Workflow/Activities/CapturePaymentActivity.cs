using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>Step 5a: captures the whole authorization, idempotent by its key (<c>capture-{orderId}</c>). A refusal fails the step.</summary>
public sealed class CapturePaymentActivity(ServiceInvoker invoker) : WorkflowActivity<PaymentStep, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, PaymentStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = $"capture-{input.OrderId}";
        using var answer = await invoker.PostAsync(AppIds.Payment, $"api/payments/{Uri.EscapeDataString(input.PaymentId)}/capture", new { idempotencyKey = key }, CancellationToken.None, key);
        if (answer.IsSuccessStatusCode)
        {
            return true;
        }
        throw new InvalidOperationException($"Capturing payment {input.PaymentId} was refused: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
    }
}
