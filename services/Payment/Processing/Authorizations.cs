using Ecommerce.Contracts.Payments;
using Ecommerce.Payment.Apis;
using Ecommerce.Payment.Infrastructure;
using Ecommerce.Payment.Model;
using Ecommerce.ServiceDefaults.State;
using Microsoft.Extensions.Options;

namespace Ecommerce.Payment.Processing;

/// <summary>
/// Authorizations, idempotent by key: the payment, the key's record (<c>authorization|{key}</c>, first-write),
/// the user's and the order's indexes are written in one transaction, so one key makes exactly one payment, and
/// a racer with the same key finds the winner's payment on its next read. The simulated issuer's answer comes
/// from the method's test behaviour; the fraud rules score every attempt.
/// </summary>
public sealed partial class Authorizations(
    ITransactionalStore store, IPaymentEvents events, TimeProvider clock, IOptions<PaymentOptions> options, ILogger<Authorizations> logger)
{
    private static readonly TimeSpan TransientMemory = TimeSpan.FromDays(1);

    public async Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fingerprint = request.Fingerprint();
        for (var attempt = 1; attempt <= options.Value.ConcurrencyAttempts; attempt++)
        {
            if (await store.GetAsync<AuthorizationKey>(PaymentStateKeys.Authorization(idempotencyKey), cancellationToken) is { } known)
            {
                return await ReplayAsync(known.Value, fingerprint, cancellationToken);
            }

            var wallet = await store.GetAsync<Wallet>(PaymentStateKeys.Methods(request.UserId!), cancellationToken);
            if (wallet?.Value.Find(request.PaymentMethodId!) is not { } method)
            {
                return AuthorizationResult.Refuse(Problems.UnknownMethod());
            }
            var now = clock.GetUtcNow();
            if (method.TestBehaviour == TestBehaviour.TransientError && !await SawTransientAttemptAsync(idempotencyKey, now, cancellationToken))
            {
                return AuthorizationResult.TransientFailure;
            }

            var fraudOptions = options.Value.Fraud;
            var userPayments = await store.GetAsync<UserPayments>(PaymentStateKeys.UserPayments(request.UserId!), cancellationToken);
            var orderPayments = await store.GetAsync<OrderPayments>(PaymentStateKeys.OrderPayments(request.OrderId!), cancellationToken);
            var paymentId = Ids.New("pay");
            var attempts = (userPayments?.Value ?? UserPayments.Empty(request.UserId!)).WithAttempt(paymentId, now, fraudOptions.VelocityWindow);
            var fraud = FraudRules.Assess(fraudOptions, request.Amount, attempts.RecentAttempts.Count, request.BillingCountry!, request.ShippingCountry!, method.TestBehaviour);
            var payment = Decide(request, idempotencyKey, fingerprint, paymentId, method, fraud, now);

            if (await store.TryCommitAsync(
                [
                    new StateChange.Insert(PaymentStateKeys.Authorization(idempotencyKey), new AuthorizationKey(paymentId, fingerprint)),
                    new StateChange.Insert(PaymentStateKeys.Payment(paymentId), payment),
                    StateChange.Write(PaymentStateKeys.UserPayments(request.UserId!), attempts, userPayments?.ETag),
                    StateChange.Write(PaymentStateKeys.OrderPayments(request.OrderId!), (orderPayments?.Value ?? OrderPayments.Empty(request.OrderId!)).With(paymentId), orderPayments?.ETag),
                ], cancellationToken))
            {
                LogAuthorized(logger, paymentId, request.OrderId!, payment.Status, fraud.Score);
                await AnnounceAsync(payment);
                return AuthorizationResult.Of(payment);
            }
            await Retry.PauseAsync(attempt, cancellationToken);
        }
        return AuthorizationResult.Refuse(Problems.ConcurrentChange());
    }

    /// <summary>A pending review resolved by an admin or by ordering.</summary>
    public async Task<Outcome<PaymentRecord>> ReviewAsync(string paymentId, bool approve, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= options.Value.ConcurrencyAttempts; attempt++)
        {
            if (await store.GetAsync<PaymentRecord>(PaymentStateKeys.Payment(paymentId), cancellationToken) is not { } current)
            {
                return Outcome.Refuse<PaymentRecord>(Problems.PaymentNotFound());
            }
            var step = current.Value.Review(approve, Ids.New("txn"), clock.GetUtcNow());
            if (step.Refusal is { } refusal)
            {
                return Outcome.Refuse<PaymentRecord>(Problems.Refused(refusal));
            }
            if (await store.TryCommitAsync([new StateChange.Update(PaymentStateKeys.Payment(paymentId), step.Payment!, current.ETag)], cancellationToken))
            {
                await AnnounceAsync(step.Payment!);
                return Outcome.Of(step.Payment!);
            }
            await Retry.PauseAsync(attempt, cancellationToken);
        }
        return Outcome.Refuse<PaymentRecord>(Problems.ConcurrentChange());
    }

    private static PaymentRecord Decide(
        AuthorizationRequest request, string key, string fingerprint, string paymentId, PaymentMethod method, FraudAssessment fraud, DateTimeOffset now)
    {
        // The issuer answers first (a declined card is declined whatever the score), then the fraud rules.
        FailureReason? failure = method.TestBehaviour switch
        {
            TestBehaviour.Declined => FailureReason.Declined,
            TestBehaviour.InsufficientFunds => FailureReason.InsufficientFunds,
            _ when fraud.Decision == FraudDecision.Decline => FailureReason.FraudSuspected,
            _ => null,
        };
        var status = failure is not null ? PaymentStatus.Failed
            : fraud.Decision == FraudDecision.Review ? PaymentStatus.PendingReview
            : PaymentStatus.Authorized;
        IReadOnlyList<PaymentTransaction> transactions = status switch
        {
            PaymentStatus.Authorized => [new PaymentTransaction(Ids.New("txn"), TransactionKind.Authorize, request.Amount, now, key)],
            PaymentStatus.Failed => [new PaymentTransaction(Ids.New("txn"), TransactionKind.Decline, request.Amount, now, key)],
            _ => [],
        };
        return new PaymentRecord(paymentId, request.OrderId!, request.UserId!, method.Id, method.Brand, method.Last4, request.Amount, request.Currency!,
            request.BillingCountry!, request.ShippingCountry!, status, failure, fraud, 0m, 0m, 0m, transactions, [], key, fingerprint, now, now);
    }

    private async Task<AuthorizationResult> ReplayAsync(AuthorizationKey known, string fingerprint, CancellationToken cancellationToken)
    {
        if (known.Fingerprint != fingerprint)
        {
            return AuthorizationResult.Refuse(Problems.KeyReused());
        }
        return await store.GetAsync<PaymentRecord>(PaymentStateKeys.Payment(known.PaymentId), cancellationToken) is { } payment
            ? AuthorizationResult.Of(payment.Value)
            : AuthorizationResult.Refuse(Problems.PaymentNotFound());
    }

    /// <summary>
    /// True when this key already failed once on the transient-error card (this is the retry, which succeeds); else
    /// records the failed attempt and answers false. Only the attempt is recorded, nothing final.
    /// </summary>
    private async Task<bool> SawTransientAttemptAsync(string idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = PaymentStateKeys.TransientAttempt(idempotencyKey);
        if (await store.GetAsync<TransientAttempt>(key, cancellationToken) is not null)
        {
            return true;
        }
        await store.TryCommitAsync([new StateChange.Insert(key, new TransientAttempt(now), TransientMemory)], cancellationToken);
        return false;
    }

    private async Task AnnounceAsync(PaymentRecord payment)
    {
        var last = payment.Transactions.Count > 0 ? payment.Transactions[^1] : null;
        switch (payment.Status)
        {
            case PaymentStatus.Authorized:
                await events.AuthorizedAsync(new PaymentAuthorizedV1(payment.Id, last!.Id, payment.OrderId, payment.UserId, payment.Amount, payment.Currency, payment.Fraud.Score));
                break;
            case PaymentStatus.Failed:
                await events.FailedAsync(new PaymentFailedV1(payment.Id, last!.Id, payment.OrderId, payment.UserId, payment.Amount, payment.Currency,
                    Problems.ReasonCode(payment.FailureReason!.Value)));
                break;
            default:
                // Pending review: nothing happened yet that a consumer acts on; the review's outcome is announced.
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorization {PaymentId} for order {OrderId}: {Status} (fraud score {FraudScore})")]
    private static partial void LogAuthorized(ILogger logger, string paymentId, string orderId, PaymentStatus status, int fraudScore);
}
