using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>The payment service's answers as the activities read them: a payment's id and status (camelCase, as its API writes them).</summary>
internal static class PaymentAnswers
{
    public const string Authorized = "authorized";
    public const string PendingReview = "pendingReview";
    public const string Failed = "failed";
    public const string Voided = "voided";
    public const string Captured = "captured";

    /// <summary>The payment as payment stores it now.</summary>
    public static async Task<PaymentAnswer> GetAsync(ServiceInvoker invoker, string paymentId)
    {
        using var answer = await invoker.GetAsync(AppIds.Payment, $"api/payments/{Uri.EscapeDataString(paymentId)}", CancellationToken.None);
        return await ServiceInvoker.ReadAsync<PaymentAnswer>(AppIds.Payment, answer, CancellationToken.None);
    }
}

/// <summary>A payment (the fields the saga uses).</summary>
internal sealed record PaymentAnswer(string Id, string Status, decimal Amount, decimal CapturedAmount, decimal RefundedAmount, decimal DisputedAmount);
