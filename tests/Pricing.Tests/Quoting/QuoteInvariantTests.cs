using System.Text.Json;
using CsCheck;
using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Quoting;

namespace Ecommerce.Pricing.Tests.Quoting;

/// <summary>
/// The quote's invariants over random carts and rules (CsCheck: on a failure it shrinks the case and
/// prints the seed to replay it): the totals add up, nothing is negative, no line is discounted
/// below zero, shipping is discounted at most to zero, every amount is whole minor units of the
/// currency, and the same input gives the same quote.
/// </summary>
public sealed class QuoteInvariantTests
{
    private static readonly string[] Skus = ["S0", "S1", "S2", "S3", "S4"];
    private static readonly string[] Categories = ["c0", "c1"];
    private static readonly DateTimeOffset Now = TestRules.Now;

    [Fact]
    public void Totals_add_up_and_nothing_is_negative_or_over_discounted_or_unrounded() =>
        Cases.Sample(c =>
        {
            var quote = QuoteEngine.Price(c.Request, c.Rules, Now);
            var totals = quote.Totals;
            var taxIncluded = quote.Tax?.IncludedInPrices ?? false;

            Assert.Equal(totals.Subtotal - totals.DiscountTotal + totals.ShippingTotal + (taxIncluded ? 0 : totals.TaxTotal), totals.Total);
            Assert.Equal(quote.Lines.Sum(line => line.Total) + quote.Shipping.Total, totals.Total);
            Assert.Equal(quote.Lines.Sum(line => line.Subtotal), totals.Subtotal);
            Assert.Equal(quote.Lines.Sum(line => line.DiscountTotal), totals.DiscountTotal);
            Assert.Equal(quote.Lines.Sum(line => line.TaxAmount), totals.TaxTotal);
            foreach (var line in quote.Lines)
            {
                Assert.Equal(line.Discounts.Sum(discount => discount.Amount), line.DiscountTotal);
                Assert.InRange(line.DiscountTotal, 0, line.Subtotal);
                Assert.All(line.Discounts, discount => Assert.True(discount.Amount > 0));
                Assert.Equal(line.Subtotal - line.DiscountTotal, line.NetAmount);
                Assert.True(line.TaxAmount >= 0);
                if (taxIncluded)
                {
                    Assert.True(line.TaxAmount <= line.NetAmount);
                }
                AssertRounded(c.Request.Currency, line.UnitPrice, line.Subtotal, line.DiscountTotal, line.NetAmount, line.TaxAmount, line.Total);
                Assert.All(line.Discounts, discount => AssertRounded(c.Request.Currency, discount.Amount));
            }
            Assert.InRange(quote.Shipping.Discount, 0, quote.Shipping.Cost);
            Assert.Equal(quote.Shipping.Cost - quote.Shipping.Discount, quote.Shipping.Total);
            AssertRounded(c.Request.Currency, quote.Shipping.Cost, quote.Shipping.Discount, quote.Shipping.Total,
                totals.Subtotal, totals.DiscountTotal, totals.ShippingTotal, totals.TaxTotal, totals.Total);
            Assert.True(totals.Total >= 0);
        }, iter: 3000);

    [Fact]
    public void The_same_request_and_rules_always_give_the_same_quote() =>
        Cases.Sample(c =>
        {
            var shuffled = c.Rules with
            {
                Discounts = c.Rules.Discounts.Reverse().ToList(),
                Promotions = c.Rules.Promotions.Reverse().ToList(),
                TaxRules = c.Rules.TaxRules.Reverse().ToList(),
            };
            Assert.Equal(
                JsonSerializer.Serialize(QuoteEngine.Price(c.Request, c.Rules, Now)),
                JsonSerializer.Serialize(QuoteEngine.Price(c.Request, shuffled, Now)));
        }, iter: 500);

    [Fact]
    public void Coupons_are_reported_once_each_in_the_order_entered() =>
        Cases.Sample(c =>
        {
            var quote = QuoteEngine.Price(c.Request, c.Rules, Now);
            Assert.Equal(c.Request.Coupons.Select(Coupon.Normalize).Distinct(), quote.Coupons.Select(outcome => outcome.Code));
        }, iter: 500);

    private static void AssertRounded(string currency, params decimal[] amounts)
    {
        foreach (var amount in amounts)
        {
            Assert.True(Money.Round(amount, currency) == amount, $"{amount} is not whole minor units of {currency}.");
            Assert.True(amount >= 0, $"{amount} is negative.");
        }
    }

    public sealed record Case(QuoteRequest Request, PricingRules Rules)
    {
        public override string ToString() => JsonSerializer.Serialize(this);
    }

    private static Gen<decimal> Amount(string currency, long maxMinorUnits) =>
        Gen.Long[0, maxMinorUnits].Select(units => Money.FromMinorUnits(units, Currencies.MinorUnits(currency)));

    private static Gen<Offer> OfferIn(string currency) =>
        Gen.Select(
            Gen.Bool,
            Gen.Int[0, 2],
            Gen.Int[1, 10000].Select(hundredths => hundredths / 100m),
            Amount(currency, 20_000),
            Gen.Int[1, 6],
            Gen.Int[0, 2],
            Gen.Int[0, 4],
            Gen.Int[0, 1],
            (percent, scope, percentValue, fixedValue, minQuantity, tierCount, target, category) =>
            {
                var discountScope = (DiscountScope)scope;
                var value = percent ? percentValue : Math.Max(fixedValue, Money.FromMinorUnits(1, Currencies.MinorUnits(currency)));
                var tiers = Enumerable.Range(1, tierCount)
                    .Select(i => new BulkTier(minQuantity + (i * 3), percent ? Math.Min(100, value + (i * 5)) : value + Money.FromMinorUnits(i * 50, Currencies.MinorUnits(currency))))
                    .ToList();
                return new Offer(
                    percent ? DiscountKind.Percent : DiscountKind.Fixed,
                    value,
                    discountScope,
                    discountScope == DiscountScope.Sku ? [Skus[target]] : null,
                    discountScope == DiscountScope.Category ? [Categories[category]] : null,
                    percent ? null : currency,
                    minQuantity,
                    tiers);
            });

    private static readonly Gen<Case> Cases =
        from currency in Gen.OneOf("JPY", "EUR", "KWD", "USD")
        from prices in Amount(currency, 5_000_000).Array[Skus.Length]
        from lines in Gen.Select(Gen.Int[0, Skus.Length - 1], Gen.Int[1, 25], Gen.Int[0, 2],
            (sku, quantity, category) => new QuoteLineRequest(Skus[sku], quantity, category == 2 ? null : Categories[category])).Array[1, 6]
        from discounts in OfferIn(currency).Array[0, 4]
        from coupons in Gen.Select(OfferIn(currency), Gen.Bool, Gen.Bool, Gen.Int[0, 3], (offer, withDiscounts, withCoupons, used) => (offer, withDiscounts, withCoupons, used)).Array[0, 3]
        from bogo in Gen.Select(Gen.Int[1, 3], Gen.Int[1, 2], Gen.Int[1, 100], Gen.Int[0, 1], (buy, get, percentOff, category) => new BuyXGetYTerms(buy, get, CategoryIds: [Categories[category]], PercentOff: percentOff)).Array[0, 2]
        from freeShippingThreshold in Amount(currency, 10_000_000)
        from shippingCost in Amount(currency, 2_000)
        from taxRate in Gen.Int[0, 3000].Select(hundredths => hundredths / 100m)
        from taxIncluded in Gen.Bool
        from destination in Gen.OneOf<Destination?>(new Destination("FR"), new Destination("FR", "75"), null)
        select new Case(
            new QuoteRequest(
                currency,
                lines,
                coupons.Select((_, i) => $"CODE{i}").Concat(["UNKNOWN"]).ToList(),
                destination,
                "customer-1",
                shippingCost),
            new PricingRules(
                Skus.Select((sku, i) => new PriceRecord(sku, currency, prices[i], null, 1, Now, [])).ToDictionary(p => p.Sku, StringComparer.Ordinal),
                discounts.Select((offer, i) => new Discount($"d{i}", $"Discount {i}", offer, null, null, Now)).ToList(),
                [
                    .. bogo.Select((terms, i) => new Promotion($"b{i}", $"Bogo {i}", PromotionKind.BuyXGetY, terms, null, null, null, Now)),
                    new Promotion("ship", "Free shipping", PromotionKind.FreeShipping, null, new FreeShippingTerms(currency, freeShippingThreshold), null, null, Now),
                ],
                coupons.Select((coupon, i) => new CouponState(
                    new Coupon($"CODE{i}", "", coupon.offer, null, null, 2, 1, coupon.withDiscounts, coupon.withCoupons, Now),
                    coupon.used,
                    coupon.used / 2)).ToList(),
                [new TaxRule("FR", "TVA", "FR", null, taxRate, taxIncluded, Now)]));
}
