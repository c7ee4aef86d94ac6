using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Quoting;

/// <summary>
/// Prices a cart. Pure and deterministic: the same request, rules and instant give the same quote,
/// whatever the order the rules were loaded in (they are sorted by id wherever order matters).
/// <para>The steps, each on what the previous ones left of every line:</para>
/// <list type="number">
/// <item>unit prices from the price book; subtotal = unit price × quantity;</item>
/// <item>coupons accepted or refused (<see cref="CouponSelection"/>);</item>
/// <item>unless an accepted coupon forbids it: buy-X-get-Y promotions, then on each line the single
/// largest SKU/category discount;</item>
/// <item>the accepted coupons' SKU/category offers;</item>
/// <item>unless forbidden: the single largest cart discount; then the coupons' cart offers — cart
/// amounts are shared over the lines (<see cref="CartAllocation"/>);</item>
/// <item>shipping, zeroed by a free-shipping promotion whose threshold the discounted goods reach;</item>
/// <item>tax per line on its net amount, by the destination's rule.</item>
/// </list>
/// Rounding: <see cref="Money"/> (minor unit, half away from zero), per line.
/// </summary>
public static class QuoteEngine
{
    public static Quote Price(QuoteRequest request, PricingRules rules, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rules);
        var currency = request.Currency;
        var minorUnits = Currencies.MinorUnits(currency);
        var lines = request.Lines
            .Select((line, index) => new WorkingLine(
                index,
                line,
                rules.Prices.TryGetValue(line.Sku, out var price)
                    ? price
                    : throw new ArgumentException($"No price for SKU '{line.Sku}' in {currency}.", nameof(rules)),
                minorUnits))
            .ToList();

        var (coupons, entered) = CouponSelection.Select(request, rules.Coupons, at);
        var automaticAllowed = coupons.TrueForAll(coupon => coupon.CombinesWithDiscounts);
        var discounts = rules.Discounts
            .Where(discount => discount.IsActiveAt(at) && OfferMath.AppliesIn(discount.Offer, currency))
            .OrderBy(discount => discount.Id, StringComparer.Ordinal)
            .ToList();
        var promotions = rules.Promotions
            .Where(promotion => promotion.IsActiveAt(at))
            .OrderBy(promotion => promotion.Id, StringComparer.Ordinal)
            .ToList();

        if (automaticAllowed)
        {
            ApplyBuyXGetY(promotions, lines, minorUnits);
            ApplyBestLineDiscounts(discounts.Where(discount => discount.Offer.Scope != DiscountScope.Cart).ToList(), lines, minorUnits);
        }
        foreach (var coupon in coupons.Where(coupon => coupon.Offer.Scope != DiscountScope.Cart))
        {
            ApplyLineOffer(DiscountSource.Coupon, coupon.Code, Reasons.CouponLabel(coupon), coupon.Offer, lines, minorUnits);
        }
        if (automaticAllowed)
        {
            ApplyBestCartDiscount(discounts.Where(discount => discount.Offer.Scope == DiscountScope.Cart).ToList(), lines, minorUnits);
        }
        foreach (var coupon in coupons.Where(coupon => coupon.Offer.Scope == DiscountScope.Cart))
        {
            var quantity = lines.Sum(line => line.Quantity);
            var value = OfferMath.EffectiveValue(coupon.Offer, quantity);
            ApplyCartAmount(DiscountSource.Coupon, coupon.Code, Reasons.ForOffer(Reasons.CouponLabel(coupon), coupon.Offer, value, quantity),
                OfferMath.CartAmount(coupon.Offer, value, lines.Sum(line => line.Remaining), minorUnits), lines, minorUnits);
        }

        var shipping = PriceShipping(request, promotions, lines, minorUnits);
        var tax = FindTaxRule(request.Destination, rules.TaxRules);
        var quotedLines = lines.Select(line => Finish(line, tax, minorUnits)).ToList();
        var couponOutcomes = entered.Select(coupon => Outcome(coupon.Code, coupon.Refusal, coupons, lines)).ToList();

        var subtotal = quotedLines.Sum(line => line.Subtotal);
        var discountTotal = quotedLines.Sum(line => line.DiscountTotal);
        var taxTotal = quotedLines.Sum(line => line.TaxAmount);
        var total = quotedLines.Sum(line => line.Total) + shipping.Total;
        return new Quote(
            currency,
            quotedLines,
            couponOutcomes,
            shipping,
            tax is null ? null : new QuotedTax(tax.Id, tax.Name, tax.RatePercent, tax.PricesIncludeTax),
            new QuoteTotals(subtotal, discountTotal, shipping.Total, taxTotal, total),
            at);
    }

    /// <summary>For every X + Y targeted units, Y units — the cheapest — are reduced.</summary>
    private static void ApplyBuyXGetY(List<Promotion> promotions, List<WorkingLine> lines, int minorUnits)
    {
        foreach (var promotion in promotions.Where(promotion => promotion is { Kind: PromotionKind.BuyXGetY, BuyXGetY: not null }))
        {
            var terms = promotion.BuyXGetY!;
            var targeted = lines.Where(line => line.IsTargetedBy(terms)).OrderBy(line => line.UnitPrice).ThenBy(line => line.Index).ToList();
            var reducedUnits = targeted.Sum(line => line.Quantity) / (terms.BuyQuantity + terms.GetQuantity) * terms.GetQuantity;
            foreach (var line in targeted)
            {
                if (reducedUnits == 0)
                {
                    break;
                }
                var units = Math.Min(reducedUnits, line.Quantity);
                reducedUnits -= units;
                line.Take(DiscountSource.Promotion, promotion.Id, Reasons.ForBuyXGetY(promotion, terms),
                    Money.Round(line.UnitPrice * units * terms.PercentOff / 100m, minorUnits));
            }
        }
    }

    /// <summary>Automatic discounts do not stack: each line gets the one worth most to it (the lowest id on a tie).</summary>
    private static void ApplyBestLineDiscounts(List<Discount> discounts, List<WorkingLine> lines, int minorUnits)
    {
        foreach (var line in lines)
        {
            var best = discounts
                .Where(discount => line.IsTargetedBy(discount.Offer))
                .Select(discount =>
                {
                    var quantity = OfferMath.TargetedQuantity(discount.Offer, lines);
                    var value = OfferMath.EffectiveValue(discount.Offer, quantity);
                    return (Discount: discount, Quantity: quantity, Value: value, Amount: Math.Min(OfferMath.LineAmount(discount.Offer, value, line, minorUnits), line.Remaining));
                })
                .Where(candidate => candidate.Amount > 0)
                .OrderByDescending(candidate => candidate.Amount)
                .FirstOrDefault();
            if (best.Discount is not null)
            {
                line.Take(DiscountSource.Discount, best.Discount.Id, Reasons.ForOffer(best.Discount.Name, best.Discount.Offer, best.Value, best.Quantity), best.Amount);
            }
        }
    }

    private static void ApplyLineOffer(DiscountSource source, string sourceId, string label, Offer offer, List<WorkingLine> lines, int minorUnits)
    {
        var quantity = OfferMath.TargetedQuantity(offer, lines);
        var value = OfferMath.EffectiveValue(offer, quantity);
        if (value <= 0)
        {
            return;
        }
        var reason = Reasons.ForOffer(label, offer, value, quantity);
        foreach (var line in lines.Where(line => line.IsTargetedBy(offer)))
        {
            line.Take(source, sourceId, reason, OfferMath.LineAmount(offer, value, line, minorUnits));
        }
    }

    /// <summary>Of the cart discounts, only the one worth most applies (the lowest id on a tie).</summary>
    private static void ApplyBestCartDiscount(List<Discount> discounts, List<WorkingLine> lines, int minorUnits)
    {
        var quantity = lines.Sum(line => line.Quantity);
        var remaining = lines.Sum(line => line.Remaining);
        var best = discounts
            .Select(discount =>
            {
                var value = OfferMath.EffectiveValue(discount.Offer, quantity);
                return (Discount: discount, Value: value, Amount: OfferMath.CartAmount(discount.Offer, value, remaining, minorUnits));
            })
            .Where(candidate => candidate.Amount > 0)
            .OrderByDescending(candidate => candidate.Amount)
            .FirstOrDefault();
        if (best.Discount is not null)
        {
            ApplyCartAmount(DiscountSource.Discount, best.Discount.Id, Reasons.ForOffer(best.Discount.Name, best.Discount.Offer, best.Value, quantity), best.Amount, lines, minorUnits);
        }
    }

    private static void ApplyCartAmount(DiscountSource source, string sourceId, string reason, decimal amount, List<WorkingLine> lines, int minorUnits)
    {
        var shares = CartAllocation.Share(
            Money.ToMinorUnits(amount, minorUnits),
            lines.Select(line => Money.ToMinorUnits(line.Remaining, minorUnits)).ToList());
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i].Take(source, sourceId, reason, Money.FromMinorUnits(shares[i], minorUnits));
        }
    }

    private static QuotedShipping PriceShipping(QuoteRequest request, List<Promotion> promotions, List<WorkingLine> lines, int minorUnits)
    {
        var cost = Money.Round(request.ShippingCost, minorUnits);
        var goods = lines.Sum(line => line.Remaining);
        var free = cost <= 0
            ? null
            : promotions.FirstOrDefault(promotion =>
                promotion is { Kind: PromotionKind.FreeShipping, FreeShipping: not null }
                && promotion.FreeShipping.Currency == request.Currency
                && goods >= promotion.FreeShipping.Threshold);
        return free is null
            ? new QuotedShipping(cost, 0, cost, null)
            : new QuotedShipping(cost, cost, 0, Reasons.ForFreeShipping(free, free.FreeShipping!));
    }

    /// <summary>The destination region's rule, else its country's, else none.</summary>
    private static TaxRule? FindTaxRule(Destination? destination, IReadOnlyList<TaxRule> rules)
    {
        if (destination is null)
        {
            return null;
        }
        return rules.FirstOrDefault(rule => rule.Country == destination.Country && destination.Region is not null && rule.Region == destination.Region)
            ?? rules.FirstOrDefault(rule => rule.Country == destination.Country && rule.Region is null);
    }

    private static QuotedLine Finish(WorkingLine line, TaxRule? tax, int minorUnits)
    {
        var net = line.Remaining;
        var rate = (tax?.RatePercent ?? 0) / 100m;
        var included = tax?.PricesIncludeTax ?? false;
        var taxAmount = included
            ? Money.Round(net * rate / (1 + rate), minorUnits)
            : Money.Round(net * rate, minorUnits);
        return new QuotedLine(
            line.Sku,
            line.Quantity,
            line.CategoryId,
            line.UnitPrice,
            line.CompareAtPrice,
            line.Subtotal,
            line.Discounts,
            line.Subtotal - net,
            net,
            taxAmount,
            included ? net : net + taxAmount);
    }

    private static CouponOutcome Outcome(string code, string? refusal, List<Coupon> accepted, List<WorkingLine> lines)
    {
        if (refusal is not null)
        {
            return new CouponOutcome(code, false, refusal);
        }
        if (lines.Exists(line => line.Discounts.Any(discount => discount.Source == DiscountSource.Coupon && discount.SourceId == code)))
        {
            return new CouponOutcome(code, true, Reasons.CouponApplied);
        }
        var offer = accepted.First(coupon => coupon.Code == code).Offer;
        var quantity = offer.Scope == DiscountScope.Cart ? lines.Sum(line => line.Quantity) : OfferMath.TargetedQuantity(offer, lines);
        return new CouponOutcome(code, false, quantity > 0 && quantity < offer.MinQuantity ? Reasons.CouponNeedsQuantity(offer.MinQuantity) : Reasons.NothingQualifies);
    }
}
