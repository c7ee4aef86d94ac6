using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Quoting;

namespace Ecommerce.Pricing.Tests.Quoting;

/// <summary>Rules for one quote, built line by line in a test: prices, discounts, coupons (with usage), promotions, tax.</summary>
internal sealed class TestRules(string currency = "EUR")
{
    public static readonly DateTimeOffset Now = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, PriceRecord> _prices = new(StringComparer.Ordinal);
    private readonly List<Discount> _discounts = [];
    private readonly List<Promotion> _promotions = [];
    private readonly List<CouponState> _coupons = [];
    private readonly List<TaxRule> _taxRules = [];

    public string Currency { get; } = currency;

    public TestRules Price(string sku, decimal price, decimal? compareAt = null)
    {
        _prices[sku] = new PriceRecord(sku, Currency, price, compareAt, 1, Now, []);
        return this;
    }

    public TestRules Discount(string id, Offer offer, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null)
    {
        _discounts.Add(new Discount(id, $"Discount {id}", offer, startsAt, endsAt, Now));
        return this;
    }

    public TestRules Coupon(
        string code,
        Offer offer,
        DateTimeOffset? startsAt = null,
        DateTimeOffset? expiresAt = null,
        int? usageLimit = null,
        int? perCustomerLimit = null,
        bool combinesWithDiscounts = true,
        bool combinesWithOtherCoupons = false,
        int timesUsed = 0,
        int timesUsedByCustomer = 0)
    {
        var coupon = new Coupon(code, "", offer, startsAt, expiresAt, usageLimit, perCustomerLimit, combinesWithDiscounts, combinesWithOtherCoupons, Now);
        _coupons.Add(new CouponState(coupon, timesUsed, timesUsedByCustomer));
        return this;
    }

    public TestRules BuyXGetY(string id, BuyXGetYTerms terms)
    {
        _promotions.Add(new Promotion(id, $"Promotion {id}", PromotionKind.BuyXGetY, terms, null, null, null, Now));
        return this;
    }

    public TestRules FreeShipping(string id, string currency, decimal threshold)
    {
        _promotions.Add(new Promotion(id, $"Promotion {id}", PromotionKind.FreeShipping, null, new FreeShippingTerms(currency, threshold), null, null, Now));
        return this;
    }

    public TestRules Tax(string country, decimal ratePercent, bool pricesIncludeTax, string? region = null)
    {
        _taxRules.Add(new TaxRule(TaxRule.JurisdictionId(country, region), $"Tax {country}", country, region, ratePercent, pricesIncludeTax, Now));
        return this;
    }

    public PricingRules Build() => new(_prices, _discounts, _promotions, _coupons, _taxRules);

    public Quote Quote(params QuoteLineRequest[] lines) => Quote(new QuoteRequest(Currency, lines));

    public Quote Quote(QuoteRequest request) => QuoteEngine.Price(request, Build(), Now);

    public static QuoteLineRequest Line(string sku, int quantity, string? categoryId = null) => new(sku, quantity, categoryId);

    public static Offer PercentOff(decimal percent, DiscountScope scope = DiscountScope.Cart, string[]? skus = null, string[]? categories = null, int minQuantity = 1, BulkTier[]? tiers = null) =>
        new(DiscountKind.Percent, percent, scope, skus, categories, null, minQuantity, tiers);

    public static Offer AmountOff(decimal amount, string currency, DiscountScope scope = DiscountScope.Cart, string[]? skus = null, string[]? categories = null, int minQuantity = 1, BulkTier[]? tiers = null) =>
        new(DiscountKind.Fixed, amount, scope, skus, categories, currency, minQuantity, tiers);
}
