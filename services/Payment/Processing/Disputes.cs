using Ecommerce.Contracts.Payments;
using Ecommerce.Payment.Apis;
using Ecommerce.Payment.Infrastructure;
using Ecommerce.Payment.Model;
using Ecommerce.ServiceDefaults.State;
using Microsoft.Extensions.Options;

namespace Ecommerce.Payment.Processing;

/// <summary>
/// Chargebacks. Opening one holds the disputed money on the payment (it can no longer be refunded); resolving it
/// releases the hold (won) or returns the money as a refund transaction (lost). The dispute and its payment change
/// in one transaction conditioned on both ETags, so a refund racing a lost dispute cannot return the money twice.
/// </summary>
public sealed class Disputes(ITransactionalStore store, IPaymentEvents events, TimeProvider clock, IOptions<PaymentOptions> options)
{
    public async Task<Dispute?> GetAsync(string disputeId, CancellationToken cancellationToken) =>
        (await store.GetAsync<Dispute>(PaymentStateKeys.Dispute(disputeId), cancellationToken))?.Value;

    public async Task<Outcome<Dispute>> OpenAsync(string paymentId, OpenDisputeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; attempt <= options.Value.ConcurrencyAttempts; attempt++)
        {
            if (await store.GetAsync<PaymentRecord>(PaymentStateKeys.Payment(paymentId), cancellationToken) is not { } payment)
            {
                return Outcome.Refuse<Dispute>(Problems.PaymentNotFound());
            }
            if (!Money.HasValidScale(request.Amount, payment.Value.Currency))
            {
                return Outcome.Refuse<Dispute>(Problems.Scale(payment.Value.Currency));
            }
            var now = clock.GetUtcNow();
            var dispute = new Dispute(Ids.New("dsp"), paymentId, payment.Value.OrderId, request.Reason!.Trim(), request.Amount, payment.Value.Currency,
                DisputeStatus.Open, [], now, null, null);
            var step = payment.Value.OpenDispute(dispute.Id, request.Amount, now);
            if (step.Refusal is { } refusal)
            {
                return Outcome.Refuse<Dispute>(Problems.Refused(refusal));
            }
            if (await store.TryCommitAsync(
                [
                    new StateChange.Update(PaymentStateKeys.Payment(paymentId), step.Payment!, payment.ETag),
                    new StateChange.Insert(PaymentStateKeys.Dispute(dispute.Id), dispute),
                ], cancellationToken))
            {
                await events.DisputeOpenedAsync(new PaymentDisputeOpenedV1(dispute.Id, paymentId, dispute.OrderId, dispute.Amount, dispute.Currency, dispute.Reason));
                return Outcome.Of(dispute);
            }
            await Retry.PauseAsync(attempt, cancellationToken);
        }
        return Outcome.Refuse<Dispute>(Problems.ConcurrentChange());
    }

    public async Task<Outcome<Dispute>> AddEvidenceAsync(string disputeId, string text, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= options.Value.ConcurrencyAttempts; attempt++)
        {
            if (await store.GetAsync<Dispute>(PaymentStateKeys.Dispute(disputeId), cancellationToken) is not { } dispute)
            {
                return Outcome.Refuse<Dispute>(Problems.DisputeNotFound());
            }
            if (dispute.Value.Status != DisputeStatus.Open)
            {
                return Outcome.Refuse<Dispute>(Problems.DisputeClosed());
            }
            var next = dispute.Value with { Evidence = [.. dispute.Value.Evidence, new DisputeEvidence(text.Trim(), clock.GetUtcNow())] };
            if (await store.TryCommitAsync([new StateChange.Update(PaymentStateKeys.Dispute(disputeId), next, dispute.ETag)], cancellationToken))
            {
                return Outcome.Of(next);
            }
            await Retry.PauseAsync(attempt, cancellationToken);
        }
        return Outcome.Refuse<Dispute>(Problems.ConcurrentChange());
    }

    public async Task<Outcome<Dispute>> ResolveAsync(string disputeId, DisputeOutcome outcome, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= options.Value.ConcurrencyAttempts; attempt++)
        {
            if (await store.GetAsync<Dispute>(PaymentStateKeys.Dispute(disputeId), cancellationToken) is not { } dispute)
            {
                return Outcome.Refuse<Dispute>(Problems.DisputeNotFound());
            }
            if (dispute.Value.Status != DisputeStatus.Open)
            {
                return Outcome.Refuse<Dispute>(Problems.DisputeClosed());
            }
            if (await store.GetAsync<PaymentRecord>(PaymentStateKeys.Payment(dispute.Value.PaymentId), cancellationToken) is not { } payment)
            {
                return Outcome.Refuse<Dispute>(Problems.PaymentNotFound());
            }
            var now = clock.GetUtcNow();
            var lost = outcome == DisputeOutcome.Lost;
            var step = payment.Value.CloseDispute(disputeId, dispute.Value.Amount, lost, Ids.New("txn"), now);
            if (step.Refusal is { } refusal)
            {
                return Outcome.Refuse<Dispute>(Problems.Refused(refusal));
            }
            var closed = dispute.Value with { Status = lost ? DisputeStatus.Lost : DisputeStatus.Won, ClosedAt = now, RefundTransactionId = step.Transaction?.Id };
            if (await store.TryCommitAsync(
                [
                    new StateChange.Update(PaymentStateKeys.Payment(payment.Value.Id), step.Payment!, payment.ETag),
                    new StateChange.Update(PaymentStateKeys.Dispute(disputeId), closed, dispute.ETag),
                ], cancellationToken))
            {
                await events.DisputeClosedAsync(new PaymentDisputeClosedV1(disputeId, payment.Value.Id, closed.OrderId, closed.Amount, closed.Currency,
                    lost ? "lost" : "won", FundsReturned: lost, closed.RefundTransactionId));
                return Outcome.Of(closed);
            }
            await Retry.PauseAsync(attempt, cancellationToken);
        }
        return Outcome.Refuse<Dispute>(Problems.ConcurrentChange());
    }
}
