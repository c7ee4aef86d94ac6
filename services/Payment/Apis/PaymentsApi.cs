using System.Security.Claims;
using Ecommerce.Payment.Model;
using Ecommerce.Payment.Processing;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Payment.Apis;

/// <summary>
/// Authorizations and what follows them, for the ordering service's checkout saga (through service invocation)
/// or an admin; the history for ordering, support and the paying customer. Every money operation is idempotent
/// by its key (body <c>idempotencyKey</c> or <c>Idempotency-Key</c> header): a retry answers the same result.
/// </summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/api/payments")
            .WithTags("Payments")
            .WithRequestValidation();

        payments.MapPost("/authorizations", Authorize)
            .RequireAuthorization(PaymentPolicies.OrderingOrAdmin)
            .WithName("AuthorizePayment")
            .WithSummary("Authorize a payment on behalf of a user")
            .WithDescription("201 authorized; 202 pendingReview (fraud review); 422 declined/insufficientFunds/fraudSuspected with `reason` and `paymentId` (recorded as failed); 503 + Retry-After for a transient processor error (nothing recorded, retry with the same key). The same key with the same request answers the same payment; with another request 422.");

        payments.MapPost("/{id}/capture", Capture)
            .RequireAuthorization(PaymentPolicies.OrderingOrAdmin)
            .WithName("CapturePayment")
            .WithSummary("Capture an authorized payment")
            .WithDescription("Once, of the whole authorized amount or less (amount). 409 unless authorized.");

        payments.MapPost("/{id}/void", Void)
            .RequireAuthorization(PaymentPolicies.OrderingOrAdmin)
            .WithName("VoidPayment")
            .WithSummary("Void an authorization before capture")
            .WithDescription("Also of a payment pending review. 409 once captured (refund instead).");

        payments.MapPost("/{id}/refunds", Refund)
            .RequireAuthorization(PaymentPolicies.OrderingOrAdmin)
            .WithName("RefundPayment")
            .WithSummary("Refund captured money, partly or fully")
            .WithDescription("The refunds never add up to more than was captured (422 beyond); 409 unless captured.");

        payments.MapPost("/{id}/review", Review)
            .RequireAuthorization(PaymentPolicies.OrderingOrAdmin)
            .WithName("ReviewPayment")
            .WithSummary("Resolve a payment held for fraud review")
            .WithDescription("approve: authorized (payments.authorized); otherwise failed with reason reviewRejected (payments.failed). 409 unless pendingReview.");

        payments.MapGet("/", OfOrder)
            .RequireAuthorization(PaymentPolicies.OrderingOrSupport)
            .WithName("ListOrderPayments")
            .WithSummary("The payments of an order, with their transactions");

        payments.MapGet("/mine", Mine)
            .RequireAuthorization(Policies.Customer)
            .WithName("ListMyPayments")
            .WithSummary("My payments, with their transactions");

        payments.MapGet("/{id}", Get)
            .RequireAuthorization(PaymentPolicies.OrderingOrSupport)
            .WithName("GetPayment")
            .WithSummary("A payment with its transactions");

        return app;
    }

    public static async Task<Results<Created<PaymentView>, Accepted<PaymentView>, ProblemHttpResult, ValidationProblem>> Authorize(
        AuthorizationRequest request, HttpContext http, Authorizations authorizations, CancellationToken cancellationToken)
    {
        var (key, invalid) = Callers.IdempotencyKey(request.IdempotencyKey, http);
        if (invalid is not null)
        {
            return invalid;
        }
        var result = await authorizations.AuthorizeAsync(request, key!, cancellationToken);
        if (result.Transient)
        {
            http.Response.Headers.RetryAfter = "1";
            return Problems.TransientFailure();
        }
        if (result.Problem is not null)
        {
            return result.Problem;
        }
        var payment = result.Payment!;
        return payment.Status switch
        {
            PaymentStatus.Failed => Problems.AuthorizationFailed(payment),
            PaymentStatus.PendingReview => TypedResults.Accepted($"/api/payments/{payment.Id}", PaymentView.From(payment)),
            _ => TypedResults.Created($"/api/payments/{payment.Id}", PaymentView.From(payment)),
        };
    }

    public static Task<Results<Ok<PaymentView>, ProblemHttpResult, ValidationProblem>> Capture(
        string id, CaptureRequest request, HttpContext http, PaymentOperations operations, CancellationToken cancellationToken) =>
        RunAsync(request.IdempotencyKey, http, key => operations.CaptureAsync(id, key, request.Amount, cancellationToken));

    public static Task<Results<Ok<PaymentView>, ProblemHttpResult, ValidationProblem>> Void(
        string id, VoidRequest request, HttpContext http, PaymentOperations operations, CancellationToken cancellationToken) =>
        RunAsync(request.IdempotencyKey, http, key => operations.VoidAsync(id, key, cancellationToken));

    public static Task<Results<Ok<PaymentView>, ProblemHttpResult, ValidationProblem>> Refund(
        string id, RefundRequest request, HttpContext http, PaymentOperations operations, CancellationToken cancellationToken) =>
        RunAsync(request.IdempotencyKey, http, key => operations.RefundAsync(id, key, request.Amount, cancellationToken));

    public static async Task<Results<Ok<PaymentView>, ProblemHttpResult>> Review(
        string id, ReviewRequest request, Authorizations authorizations, CancellationToken cancellationToken)
    {
        var outcome = await authorizations.ReviewAsync(id, request.Approve, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(PaymentView.From(outcome.Value!)) : outcome.Problem!;
    }

    public static async Task<Results<Ok<IReadOnlyList<PaymentView>>, ValidationProblem>> OfOrder(
        [FromQuery] string? orderId, PaymentOperations operations, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValid(orderId))
        {
            return Problems.Field("orderId", "The orderId query parameter is required (1 to 100 letters, digits or . _ : -).");
        }
        return TypedResults.Ok<IReadOnlyList<PaymentView>>([.. (await operations.OfOrderAsync(orderId!, cancellationToken)).Select(PaymentView.From)]);
    }

    public static async Task<Ok<IReadOnlyList<PaymentView>>> Mine(ClaimsPrincipal user, PaymentOperations operations, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<PaymentView>>([.. (await operations.OfUserAsync(Callers.UserId(user), cancellationToken)).Select(PaymentView.From)]);

    public static async Task<Results<Ok<PaymentView>, ProblemHttpResult>> Get(string id, PaymentOperations operations, CancellationToken cancellationToken) =>
        await operations.GetAsync(id, cancellationToken) is { } payment ? TypedResults.Ok(PaymentView.From(payment)) : Problems.PaymentNotFound();

    private static async Task<Results<Ok<PaymentView>, ProblemHttpResult, ValidationProblem>> RunAsync(
        string? keyInBody, HttpContext http, Func<string, Task<Outcome<OperationResult>>> operation)
    {
        var (key, invalid) = Callers.IdempotencyKey(keyInBody, http);
        if (invalid is not null)
        {
            return invalid;
        }
        var outcome = await operation(key!);
        return outcome.Succeeded ? TypedResults.Ok(PaymentView.From(outcome.Value!.Payment)) : outcome.Problem!;
    }
}
