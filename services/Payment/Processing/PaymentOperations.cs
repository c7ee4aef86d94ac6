using Ecommerce.Contracts.Payments;
using Ecommerce.Payment.Apis;
using Ecommerce.Payment.Infrastructure;
using Ecommerce.Payment.Model;
using Ecommerce.ServiceDefaults.State;
using Microsoft.Extensions.Options;

namespace Ecommerce.Payment.Processing;

/// <summary>
/// Capture, void and refund: each a read-modify-write of <c>payment|{id}</c> conditioned on its ETag, so two
/// concurrent operations on one payment cannot both apply to the same version — the loser reads again and is
/// judged against the winner's result (a refund that no longer fits is refused), or gets 409 after
/// <see cref="PaymentOptions.ConcurrencyAttempts"/>. The operation's idempotency key is stored on its transaction,
/// in the same write: a retry with the key answers that transaction, the key with another operation is refused.
/// </summary>
public sealed class PaymentOperations(ITransactionalStore store, IPaymentEvents events, TimeProvider clock, IOptions<PaymentOptions> options)
{
    public async Task<PaymentRecord?> GetAsync(string paymentId, CancellationToken cancellationToken) =>
        (await store.GetAsync<PaymentRecord>(PaymentStateKeys.Payment(paymentId), cancellationToken))?.Value;

    public async Task<IReadOnlyList<PaymentRecord>> GetManyAsync(IReadOnlyCollection<string> paymentIds, CancellationToken cancellationToken) =>
        [.. (await store.GetManyAsync<PaymentRecord>([.. paymentIds.Select(PaymentStateKeys.Payment)], cancellationToken))
            .Select(item => item.Value).OrderBy(payment => payment.CreatedAt)];

    public async Task<IReadOnlyList<PaymentRecord>> OfOrderAsync(string orderId, CancellationToken cancellationToken) =>
        await store.GetAsync<OrderPayments>(PaymentStateKeys.OrderPayments(orderId), cancellationToken) is { } index
            ? await GetManyAsync(index.Value.PaymentIds, cancellationToken)
            : [];

    public async Task<IReadOnlyList<PaymentRecord>> OfUserAsync(string userId, CancellationToken cancellationToken) =>
        await store.GetAsync<UserPayments>(PaymentStateKeys.UserPayments(userId), cancellationToken) is { } index
            ? await GetManyAsync(index.Value.PaymentIds, cancellationToken)
            : [];

    public Task<Outcome<OperationResult>> CaptureAsync(string paymentId, string key, decimal? amount, CancellationToken cancellationToken) =>
        ApplyAsync(paymentId, key, TransactionKind.Capture, amount, (payment, id, now) => payment.Capture(amount, id, key, now), cancellationToken);

    public Task<Outcome<OperationResult>> VoidAsync(string paymentId, string key, CancellationToken cancellationToken) =>
        ApplyAsync(paymentId, key, TransactionKind.Void, null, (payment, id, now) => payment.Void(id, key, now), cancellationToken);

    public Task<Outcome<OperationResult>> RefundAsync(string paymentId, string key, decimal amount, CancellationToken cancellationToken) =>
        ApplyAsync(paymentId, key, TransactionKind.Refund, amount, (payment, id, now) => payment.Refund(amount, id, key, now), cancellationToken);

    private async Task<Outcome<OperationResult>> ApplyAsync(
        string paymentId, string key, TransactionKind kind, decimal? amount, Func<PaymentRecord, string, DateTimeOffset, Transition> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= options.Value.ConcurrencyAttempts; attempt++)
        {
            if (await store.GetAsync<PaymentRecord>(PaymentStateKeys.Payment(paymentId), cancellationToken) is not { } current)
            {
                return Outcome.Refuse<OperationResult>(Problems.PaymentNotFound());
            }
            if (current.Value.TransactionWithKey(key) is { } done)
            {
                return done.Kind == kind && (amount is null || amount == done.Amount)
                    ? Outcome.Of(new OperationResult(current.Value, done, Replayed: true))
                    : Outcome.Refuse<OperationResult>(Problems.KeyReused());
            }
            if (amount is { } value && !Money.HasValidScale(value, current.Value.Currency))
            {
                return Outcome.Refuse<OperationResult>(Problems.Scale(current.Value.Currency));
            }
            var step = change(current.Value, Ids.New("txn"), clock.GetUtcNow());
            if (step.Refusal is { } refusal)
            {
                return Outcome.Refuse<OperationResult>(Problems.Refused(refusal));
            }
            if (await store.TryCommitAsync([new StateChange.Update(PaymentStateKeys.Payment(paymentId), step.Payment!, current.ETag)], cancellationToken))
            {
                await AnnounceAsync(step.Payment!, step.Transaction!);
                return Outcome.Of(new OperationResult(step.Payment!, step.Transaction!, Replayed: false));
            }
            await Retry.PauseAsync(attempt, cancellationToken);
        }
        return Outcome.Refuse<OperationResult>(Problems.ConcurrentChange());
    }

    private Task AnnounceAsync(PaymentRecord payment, PaymentTransaction transaction) => transaction.Kind switch
    {
        TransactionKind.Capture => events.CapturedAsync(new PaymentCapturedV1(payment.Id, transaction.Id, payment.OrderId, transaction.Amount, payment.Currency)),
        TransactionKind.Void => events.VoidedAsync(new PaymentVoidedV1(payment.Id, transaction.Id, payment.OrderId, transaction.Amount, payment.Currency)),
        TransactionKind.Refund => events.RefundedAsync(new PaymentRefundedV1(payment.Id, transaction.Id, payment.OrderId, transaction.Amount, payment.Currency,
            payment.RefundedAmount, payment.Status == PaymentStatus.Refunded)),
        _ => Task.CompletedTask,
    };
}
