using Dapr;
using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Infrastructure;

/// <summary>
/// Coupon usage in <c>pricing-store</c>, one document per coupon (<see cref="PricingStateKeys.CouponUsage"/>)
/// listing the orders that used it. The order id and the count are in the same document, so a
/// redelivered event is recognised in the same single save (ETag-checked, retried on conflict) that
/// would count it: usage is counted once per order whatever happens between deliveries.
/// </summary>
internal sealed class DaprCouponUsageStore(DaprClient dapr) : ICouponUsageStore
{
    private const int Attempts = 20;

    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<CouponUsage> GetAsync(string code, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<CouponUsage>(Components.PricingStore, PricingStateKeys.CouponUsage(code), cancellationToken: cancellationToken)
        ?? CouponUsage.None(code);

    public async Task<bool> RecordAsync(string code, CouponRedemption redemption, CancellationToken cancellationToken)
    {
        var key = PricingStateKeys.CouponUsage(code);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (usage, etag) = await dapr.GetStateAndETagAsync<CouponUsage>(Components.PricingStore, key, cancellationToken: cancellationToken);
            usage ??= CouponUsage.None(code);
            if (usage.Counts(redemption.OrderId))
            {
                return false;
            }
            var counted = usage with { Redemptions = [.. usage.Redemptions, redemption] };
            if (!string.IsNullOrEmpty(etag))
            {
                if (await dapr.TrySaveStateAsync(Components.PricingStore, key, counted, etag, FirstWrite, cancellationToken: cancellationToken))
                {
                    return true;
                }
                continue;
            }
            try
            {
                await dapr.SaveStateAsync(Components.PricingStore, key, counted, FirstWrite, cancellationToken: cancellationToken);
                return true;
            }
            catch (DaprException) when (attempt < Attempts)
            {
                // Another delivery created the document first: read it and look again.
            }
        }
        throw new InvalidOperationException($"The usage of coupon '{code}' stayed contended for {Attempts} attempts.");
    }
}
