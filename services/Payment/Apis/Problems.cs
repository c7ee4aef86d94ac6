using System.Text.Json;
using Ecommerce.Payment.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Payment.Apis;

/// <summary>The problems the payment APIs answer, worded once. None repeats a card number, a CVC or any request value.</summary>
internal static class Problems
{
    public static ProblemHttpResult MethodNotFound() => TypedResults.Problem(
        title: "There is no such payment method.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult TooManyMethods(int max) => TypedResults.Problem(
        title: "Too many payment methods.",
        detail: $"A user keeps at most {max} payment methods; delete one first.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult UnknownMethod() => TypedResults.Problem(
        title: "The payment method is not one of the user's.",
        detail: "It does not exist, was deleted, or belongs to another user.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult PaymentNotFound() => TypedResults.Problem(
        title: "There is no such payment.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult DisputeNotFound() => TypedResults.Problem(
        title: "There is no such dispute.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult DisputeClosed() => TypedResults.Problem(
        title: "The dispute is already resolved.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult KeyReused() => TypedResults.Problem(
        title: "The idempotency key was used for another request.",
        detail: "A key names one operation: retry it with the same request, or use a new key for a new one.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult ConcurrentChange() => TypedResults.Problem(
        title: "The payment was changed by other requests at the same moment.",
        detail: "Nothing was written. Retry with the same idempotency key.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult Scale(string currency) => TypedResults.Problem(
        title: "The amount has more decimals than the currency allows.",
        detail: $"{currency} amounts have {Money.DecimalsOf(currency)} decimals.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult Refused(Refusal refusal) => TypedResults.Problem(
        title: refusal.Title,
        detail: refusal.Detail,
        statusCode: refusal.Kind == RefusalKind.WrongState ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);

    /// <summary>A refused authorization: the payment was recorded as failed, its id and the reason code say which and why.</summary>
    public static ProblemHttpResult AuthorizationFailed(PaymentRecord payment) => TypedResults.Problem(
        title: payment.FailureReason switch
        {
            FailureReason.InsufficientFunds => "The card has insufficient funds.",
            FailureReason.FraudSuspected => "The payment was refused by the fraud rules.",
            FailureReason.ReviewRejected => "The payment was rejected at fraud review.",
            _ => "The card was declined.",
        },
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?>
        {
            ["reason"] = ReasonCode(payment.FailureReason ?? FailureReason.Declined),
            ["paymentId"] = payment.Id,
            ["status"] = ReasonCode(payment.Status),
        });

    public static ProblemHttpResult TransientFailure() => TypedResults.Problem(
        title: "The payment processor had a temporary error.",
        detail: "Nothing was recorded. Retry with the same idempotency key.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    public static ValidationProblem Field(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        title: "One or more fields are not valid.");

    /// <summary>An enum value as the API's JSON writes it (<c>insufficientFunds</c>).</summary>
    public static string ReasonCode<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
