using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Applies the admin's fraud-review decision to the payment held for review. A 409 (no longer pending: this step ran
/// before) is answered from the payment's current status, so the step can be repeated.
/// </summary>
public sealed class ReviewPaymentActivity(ServiceInvoker invoker) : WorkflowActivity<ReviewStep, bool>
{
    /// <returns>Whether the payment is authorized now.</returns>
    public override async Task<bool> RunAsync(WorkflowActivityContext context, ReviewStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var answer = await invoker.PostAsync(AppIds.Payment, $"api/payments/{Uri.EscapeDataString(input.PaymentId)}/review", new { approve = input.Approve }, CancellationToken.None);
        if (!answer.IsSuccessStatusCode && answer.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"The review of payment {input.PaymentId} was refused: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
        }
        var payment = await PaymentAnswers.GetAsync(invoker, input.PaymentId);
        return payment.Status == PaymentAnswers.Authorized;
    }
}

/// <summary>The input of <see cref="ReviewPaymentActivity"/>.</summary>
public sealed record ReviewStep(string OrderId, string PaymentId, bool Approve);
