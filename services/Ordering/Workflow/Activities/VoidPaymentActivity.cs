using System.Net;
using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Compensation: releases the authorization (also of a payment held for review). Idempotent by its key
/// (<c>void-{orderId}</c>); a 409 is fine when the payment is already voided or failed (nothing is held), and fails
/// the activity when it was captured (that needs a refund, which the saga reports as left to undo).
/// </summary>
public sealed class VoidPaymentActivity(ServiceInvoker invoker) : WorkflowActivity<VoidStep, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, VoidStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        IReadOnlyList<string> paymentIds = input.PaymentId is { } known ? [known] : await HeldPaymentsAsync(input.OrderId);
        foreach (var paymentId in paymentIds)
        {
            await VoidAsync(input.OrderId, paymentId);
        }
        return true;
    }

    private async Task VoidAsync(string orderId, string paymentId)
    {
        var key = $"void-{orderId}";
        using var answer = await invoker.PostAsync(AppIds.Payment, $"api/payments/{Uri.EscapeDataString(paymentId)}/void", new { idempotencyKey = key }, CancellationToken.None, key);
        if (answer.IsSuccessStatusCode || answer.StatusCode == HttpStatusCode.NotFound)
        {
            return;
        }
        if (answer.StatusCode == HttpStatusCode.Conflict
            && (await PaymentAnswers.GetAsync(invoker, paymentId)).Status is PaymentAnswers.Voided or PaymentAnswers.Failed)
        {
            return;
        }
        throw new InvalidOperationException($"Voiding payment {paymentId} was refused: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
    }

    /// <summary>
    /// When the authorization step never learned its payment (its answers were lost and its retries ran out), the
    /// order's payments are looked up, so that an authorization that did happen is still released.
    /// </summary>
    private async Task<IReadOnlyList<string>> HeldPaymentsAsync(string orderId)
    {
        using var answer = await invoker.GetAsync(AppIds.Payment, $"api/payments?orderId={Uri.EscapeDataString(orderId)}", CancellationToken.None);
        var payments = await ServiceInvoker.ReadAsync<IReadOnlyList<PaymentAnswer>>(AppIds.Payment, answer, CancellationToken.None);
        return [.. payments.Where(p => p.Status is PaymentAnswers.Authorized or PaymentAnswers.PendingReview).Select(p => p.Id)];
    }
}

/// <summary>The input of <see cref="VoidPaymentActivity"/>: the payment, or null to void whatever the order holds.</summary>
public sealed record VoidStep(string OrderId, string? PaymentId);
