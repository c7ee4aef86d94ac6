using System.Net;
using System.Text.Json;
using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.Errors;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Step 3: authorizes the order's total on the customer's payment method, with the order id as the idempotency key
/// (a retry after payment's transient 503 sends the same key and gets the one payment). 201 authorized, 202 held for
/// fraud review, 422 refused (declined, insufficient funds, fraud rules, or a payment method that is not the
/// customer's). The payment id is stored on the order. Billing country = shipping country: the order has no billing address.
/// </summary>
public sealed class AuthorizePaymentActivity(OrderRepository orders, ServiceInvoker invoker, TimeProvider clock) : WorkflowActivity<OrderStep, AuthorizationOutcome>
{
    public override async Task<AuthorizationOutcome> RunAsync(WorkflowActivityContext context, OrderStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = await orders.GetAsync(input.OrderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {input.OrderId} does not exist.");
        var total = order.Totals?.Total ?? throw new InvalidOperationException($"Order {order.Id} is not priced.");
        var request = new AuthorizationRequest(order.Id, order.Id, order.CustomerId, order.PaymentMethodId, total, order.Currency,
            order.ShippingAddress.Country, order.ShippingAddress.Country);
        using var answer = await invoker.PostAsync(AppIds.Payment, "api/payments/authorizations", request, CancellationToken.None, idempotencyKey: order.Id);
        AuthorizationOutcome outcome;
        if (answer.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted or HttpStatusCode.OK)
        {
            var payment = await ServiceInvoker.ReadAsync<PaymentAnswer>(AppIds.Payment, answer, CancellationToken.None);
            outcome = payment.Status switch
            {
                PaymentAnswers.Authorized => new AuthorizationOutcome(AuthorizationStatus.Authorized, payment.Id, null),
                PaymentAnswers.PendingReview => new AuthorizationOutcome(AuthorizationStatus.PendingReview, payment.Id, null),
                _ => throw new DependencyUnavailableException(AppIds.Payment, $"an authorization answered with status {payment.Status}"),
            };
        }
        else if (answer.StatusCode == HttpStatusCode.Conflict)
        {
            // The payment was being changed by a concurrent request (a retry of this one): ask again with the same key.
            throw new DependencyUnavailableException(AppIds.Payment, $"authorization answered 409: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
        }
        else
        {
            var problem = await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None);
            var paymentId = problem.Body.ValueKind == JsonValueKind.Object && problem.Body.TryGetProperty("paymentId", out var id) ? id.GetString() : null;
            var reason = problem.Body.ValueKind == JsonValueKind.Object && problem.Body.TryGetProperty("reason", out var code) ? code.GetString() : null;
            outcome = new AuthorizationOutcome(AuthorizationStatus.Refused, paymentId, reason is null ? problem.ToString() : $"{reason}: {problem.Title}");
        }

        if (outcome.PaymentId is { } recorded)
        {
            var now = clock.GetUtcNow();
            await orders.UpdateAsync(order.Id, current => current.PaymentId == recorded ? null : current with { PaymentId = recorded, UpdatedAt = now }, CancellationToken.None);
        }
        return outcome;
    }

    private sealed record AuthorizationRequest(
        string IdempotencyKey, string OrderId, string UserId, string PaymentMethodId, decimal Amount, string Currency, string BillingCountry, string ShippingCountry);
}

/// <summary>What payment decided.</summary>
public enum AuthorizationStatus
{
    Authorized,
    PendingReview,
    Refused,
}

/// <summary>The authorization step's answer: the decision, the payment (when one was recorded) and why it was refused.</summary>
public sealed record AuthorizationOutcome(AuthorizationStatus Status, string? PaymentId, string? Reason);
