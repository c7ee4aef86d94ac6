using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Quoting;

namespace Ecommerce.Pricing.Infrastructure;

/// <summary>Reads from the stores everything <see cref="QuoteEngine"/> needs for one request.</summary>
public sealed class PricingRulesLoader(
    IPriceStore prices,
    IDefinitionStore<Discount> discounts,
    IDefinitionStore<Promotion> promotions,
    IDefinitionStore<Coupon> coupons,
    IDefinitionStore<TaxRule> taxRules,
    ICouponUsageStore couponUsage)
{
    public async Task<PricingRules> LoadAsync(QuoteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var priced = prices.GetManyAsync(request.Lines.Select(line => line.Sku).ToList(), request.Currency, cancellationToken);
        var automatic = discounts.ListAsync(cancellationToken);
        var promoted = promotions.ListAsync(cancellationToken);
        var taxed = taxRules.ListAsync(cancellationToken);
        var entered = await coupons.GetManyAsync(request.Coupons.Select(Coupon.Normalize).Distinct().ToList(), cancellationToken);

        var couponStates = new List<CouponState>(entered.Count);
        foreach (var coupon in entered)
        {
            var usage = await couponUsage.GetAsync(coupon.Code, cancellationToken);
            couponStates.Add(new CouponState(
                coupon, usage.TimesUsed, string.IsNullOrEmpty(request.CustomerId) ? 0 : usage.TimesUsedBy(request.CustomerId)));
        }
        return new PricingRules(await priced, await automatic, await promoted, couponStates, await taxed);
    }
}
