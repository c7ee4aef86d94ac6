using Ecommerce.Payment.Apis;
using Ecommerce.Payment.Infrastructure;
using Ecommerce.Payment.Model;
using Ecommerce.ServiceDefaults.State;
using Microsoft.Extensions.Options;

namespace Ecommerce.Payment.Processing;

/// <summary>
/// Tokenization and the user's payment methods. The card number is turned into brand, last four and test
/// behaviour here, in memory, and dropped: only the <see cref="PaymentMethod"/> is stored.
/// </summary>
public sealed class Wallets(ITransactionalStore store, TimeProvider clock, IOptions<PaymentOptions> options)
{
    public async Task<Wallet> GetAsync(string userId, CancellationToken cancellationToken) =>
        (await store.GetAsync<Wallet>(PaymentStateKeys.Methods(userId), cancellationToken))?.Value ?? Wallet.Empty(userId);

    public async Task<Outcome<PaymentMethod>> AddAsync(string userId, PaymentMethodRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Validated before the handler ran: the number parses.
        var (digits, brand) = CardNumbers.Parse(request.CardNumber)!.Value;
        var method = new PaymentMethod(Ids.New("pm"), userId, brand, digits[^4..], request.ExpiryMonth, request.ExpiryYear,
            request.HolderName!.Trim(), clock.GetUtcNow(), TestCards.BehaviourOf(digits));
        var outcome = await EditAsync(userId, wallet => wallet.Methods.Count >= Wallet.MaxMethods
            ? Outcome.Refuse<Wallet>(Problems.TooManyMethods(Wallet.MaxMethods))
            : Outcome.Of(wallet.Add(method)), cancellationToken);
        return outcome.Succeeded ? Outcome.Of(method) : Outcome.Refuse<PaymentMethod>(outcome.Problem!);
    }

    public async Task<Outcome<PaymentMethod>> RemoveAsync(string userId, string methodId, CancellationToken cancellationToken)
    {
        PaymentMethod? removed = null;
        var outcome = await EditAsync(userId, wallet =>
        {
            removed = wallet.Find(methodId);
            return removed is null ? Outcome.Refuse<Wallet>(Problems.MethodNotFound()) : Outcome.Of(wallet.Remove(methodId));
        }, cancellationToken);
        return outcome.Succeeded ? Outcome.Of(removed!) : Outcome.Refuse<PaymentMethod>(outcome.Problem!);
    }

    private async Task<Outcome<Wallet>> EditAsync(string userId, Func<Wallet, Outcome<Wallet>> change, CancellationToken cancellationToken)
    {
        var key = PaymentStateKeys.Methods(userId);
        for (var attempt = 1; attempt <= options.Value.ConcurrencyAttempts; attempt++)
        {
            var current = await store.GetAsync<Wallet>(key, cancellationToken);
            var outcome = change(current?.Value ?? Wallet.Empty(userId));
            if (!outcome.Succeeded)
            {
                return outcome;
            }
            if (await store.TryCommitAsync([StateChange.Write(key, outcome.Value!, current?.ETag)], cancellationToken))
            {
                return outcome;
            }
            await Retry.PauseAsync(attempt, cancellationToken);
        }
        return Outcome.Refuse<Wallet>(Problems.ConcurrentChange());
    }
}
