using Ecommerce.Payment.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Payment.Processing;

/// <summary>
/// What an authorization gives: the payment the key made (authorized, pending review or failed), a problem
/// (invalid request, key reused for another request, concurrent change), or <see cref="Transient"/>: a
/// processing error worth retrying with the same key, after which nothing final was recorded.
/// </summary>
public sealed record AuthorizationResult(PaymentRecord? Payment, ProblemHttpResult? Problem, bool Transient)
{
    public static AuthorizationResult Of(PaymentRecord payment) => new(payment, null, false);

    public static AuthorizationResult Refuse(ProblemHttpResult problem) => new(null, problem, false);

    public static AuthorizationResult TransientFailure { get; } = new(null, null, true);
}
