using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Quoting;
using static Ecommerce.Pricing.Tests.Quoting.TestRules;

namespace Ecommerce.Pricing.Tests.Quoting;

public sealed class QuoteEngineCouponTests
{
    private static QuoteRequest Request(params string[] coupons) =>
        new("EUR", [Line("A", 2, "shoes"), Line("B", 1, "socks")], coupons, CustomerId: "customer-1");

    private static TestRules Cart() => new TestRules().Price("A", 50m).Price("B", 10m);

    [Fact]
    public void A_valid_coupon_is_applied_with_its_reason()
    {
        var quote = Cart().Coupon("SAVE10", PercentOff(10)).Quote(Request("save10"));

        Assert.Equal(new CouponOutcome("SAVE10", true, "Applied."), Assert.Single(quote.Coupons));
        Assert.Equal(11m, quote.Totals.DiscountTotal);
        Assert.All(quote.Lines, line => Assert.Equal("Coupon SAVE10: 10% off", Assert.Single(line.Discounts).Reason));
    }

    [Fact]
    public void A_coupon_scoped_to_a_category_applies_to_its_lines_only()
    {
        var quote = Cart().Coupon("SOCKS", AmountOff(2m, "EUR", DiscountScope.Category, categories: ["socks"])).Quote(Request("SOCKS"));

        Assert.Empty(quote.Lines[0].Discounts);
        Assert.Equal(2m, quote.Lines[1].DiscountTotal);
    }

    [Theory]
    [InlineData("UNKNOWN", "Unknown coupon code.")]
    [InlineData("LATER", "Not valid yet.")]
    [InlineData("OVER", "Expired.")]
    [InlineData("USEDUP", "Usage limit reached.")]
    [InlineData("MINE", "Already used the maximum number of times by this customer.")]
    [InlineData("DOLLARS", "Only valid for quotes in USD.")]
    [InlineData("HATS", "Nothing in the cart qualifies for it.")]
    [InlineData("BULK", "Needs at least 10 qualifying units.")]
    public void A_coupon_that_cannot_be_used_is_refused_with_the_reason(string code, string reason)
    {
        var rules = Cart()
            .Coupon("LATER", PercentOff(10), startsAt: Now.AddMinutes(1))
            .Coupon("OVER", PercentOff(10), expiresAt: Now)
            .Coupon("USEDUP", PercentOff(10), usageLimit: 100, timesUsed: 100)
            .Coupon("MINE", PercentOff(10), perCustomerLimit: 1, timesUsed: 5, timesUsedByCustomer: 1)
            .Coupon("DOLLARS", AmountOff(5m, "USD"))
            .Coupon("HATS", PercentOff(10, DiscountScope.Category, categories: ["hats"]))
            .Coupon("BULK", PercentOff(10, minQuantity: 10));

        var quote = rules.Quote(Request(code));

        Assert.Equal(new CouponOutcome(code, false, reason), Assert.Single(quote.Coupons));
        Assert.Equal(0m, quote.Totals.DiscountTotal);
    }

    [Fact]
    public void Usage_below_the_limits_is_accepted()
    {
        var quote = Cart().Coupon("ONCE", PercentOff(10), usageLimit: 100, perCustomerLimit: 2, timesUsed: 99, timesUsedByCustomer: 1).Quote(Request("ONCE"));

        Assert.True(Assert.Single(quote.Coupons).Applied);
    }

    [Fact]
    public void A_per_customer_coupon_needs_a_customer()
    {
        var quote = Cart().Coupon("ONCE", PercentOff(10), perCustomerLimit: 1).Quote(Request("ONCE") with { CustomerId = null });

        Assert.Equal("Only for signed-in customers.", Assert.Single(quote.Coupons).Reason);
    }

    [Fact]
    public void Two_coupons_that_do_not_combine_the_first_entered_wins()
    {
        var quote = Cart()
            .Coupon("FIRST", PercentOff(10))
            .Coupon("SECOND", PercentOff(50), combinesWithOtherCoupons: true)
            .Quote(Request("FIRST", "SECOND"));

        Assert.Equal(
            [new CouponOutcome("FIRST", true, "Applied."), new CouponOutcome("SECOND", false, "Cannot be combined with coupon FIRST.")],
            quote.Coupons);
        Assert.Equal(11m, quote.Totals.DiscountTotal);
    }

    [Fact]
    public void Combinable_coupons_stack_each_on_what_the_previous_left()
    {
        var quote = Cart()
            .Coupon("TEN", PercentOff(10), combinesWithOtherCoupons: true)
            .Coupon("FIVE", AmountOff(5m, "EUR"), combinesWithOtherCoupons: true)
            .Quote(Request("TEN", "FIVE"));

        Assert.All(quote.Coupons, outcome => Assert.True(outcome.Applied));
        Assert.Equal(110m - 11m - 5m, quote.Totals.Total);
    }

    [Fact]
    public void A_coupon_entered_twice_counts_once()
    {
        var quote = Cart().Coupon("TEN", PercentOff(10)).Quote(Request("TEN", "ten"));

        Assert.Single(quote.Coupons);
        Assert.Equal(11m, quote.Totals.DiscountTotal);
    }

    [Fact]
    public void A_coupon_that_does_not_combine_with_discounts_switches_off_automatic_discounts_and_buy_x_get_y()
    {
        TestRules Rules() => Cart()
            .Discount("auto", PercentOff(20, DiscountScope.Sku, skus: ["A"]))
            .BuyXGetY("bogo", new BuyXGetYTerms(1, 1, Skus: ["A"]))
            .Coupon("ALONE", PercentOff(10), combinesWithDiscounts: false)
            .Coupon("WITH", PercentOff(10));

        var alone = Rules().Quote(Request("ALONE"));
        var with = Rules().Quote(Request("WITH"));

        Assert.All(alone.Lines.SelectMany(line => line.Discounts), discount => Assert.Equal(DiscountSource.Coupon, discount.Source));
        Assert.Equal(11m, alone.Totals.DiscountTotal);
        Assert.Contains(with.Lines[0].Discounts, discount => discount.Source == DiscountSource.Promotion);
        Assert.Contains(with.Lines[0].Discounts, discount => discount.Source == DiscountSource.Discount);
    }

    [Fact]
    public void Coupons_apply_after_automatic_discounts_on_what_is_left()
    {
        var quote = Cart()
            .Discount("auto", PercentOff(50, DiscountScope.Sku, skus: ["A"]))
            .Coupon("TEN", PercentOff(10, DiscountScope.Sku, skus: ["A"]))
            .Quote(Request("TEN"));

        Assert.Equal([50m, 5m], quote.Lines[0].Discounts.Select(discount => discount.Amount));
    }
}
