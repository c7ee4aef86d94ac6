using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Quoting;
using static Ecommerce.Pricing.Tests.Quoting.TestRules;

namespace Ecommerce.Pricing.Tests.Quoting;

public sealed class QuoteEngineDiscountTests
{
    [Fact]
    public void Lines_are_priced_from_the_price_book()
    {
        var quote = new TestRules().Price("A", 12.34m, compareAt: 15m).Price("B", 5m).Quote(Line("A", 3), Line("B", 1));

        Assert.Equal(37.02m, quote.Lines[0].Subtotal);
        Assert.Equal(12.34m, quote.Lines[0].UnitPrice);
        Assert.Equal(15m, quote.Lines[0].CompareAtPrice);
        Assert.Equal(new QuoteTotals(42.02m, 0, 0, 0, 42.02m), quote.Totals);
    }

    [Fact]
    public void A_percent_sku_discount_takes_its_share_of_the_line_rounded_per_line()
    {
        var quote = new TestRules().Price("A", 12.34m).Price("B", 5m)
            .Discount("d1", PercentOff(10, DiscountScope.Sku, skus: ["A"]))
            .Quote(Line("A", 3), Line("B", 1));

        var discount = Assert.Single(quote.Lines[0].Discounts);
        Assert.Equal(3.70m, discount.Amount);
        Assert.Equal(DiscountSource.Discount, discount.Source);
        Assert.Equal("d1", discount.SourceId);
        Assert.Equal("Discount d1: 10% off", discount.Reason);
        Assert.Empty(quote.Lines[1].Discounts);
        Assert.Equal(38.32m, quote.Totals.Total);
    }

    [Fact]
    public void A_fixed_category_discount_is_per_unit_and_never_more_than_the_line()
    {
        var quote = new TestRules().Price("A", 10m).Price("B", 3m)
            .Discount("d1", AmountOff(4m, "EUR", DiscountScope.Category, categories: ["shoes"]))
            .Quote(Line("A", 2, "shoes"), Line("B", 2, "shoes"), Line("A", 1, "hats"));

        Assert.Equal(8m, quote.Lines[0].DiscountTotal);
        Assert.Equal(6m, quote.Lines[1].DiscountTotal);
        Assert.Equal(0m, quote.Lines[1].NetAmount);
        Assert.Equal(0m, quote.Lines[2].DiscountTotal);
    }

    [Fact]
    public void A_cart_percent_discount_is_shared_over_the_lines_and_adds_up_exactly()
    {
        var quote = new TestRules().Price("A", 0.01m).Price("B", 0.01m).Price("C", 0.01m)
            .Discount("d1", PercentOff(50))
            .Quote(Line("A", 1), Line("B", 1), Line("C", 1));

        // 50% of 0.03 is 0.015, rounded half away from zero to 0.02, shared 0.01 + 0.01 + 0.
        Assert.Equal(0.02m, quote.Totals.DiscountTotal);
        Assert.Equal([0.01m, 0.01m, 0m], quote.Lines.Select(line => line.DiscountTotal));
        Assert.Equal(0.01m, quote.Totals.Total);
    }

    [Fact]
    public void A_fixed_cart_discount_larger_than_the_cart_brings_it_to_zero_not_below()
    {
        var quote = new TestRules().Price("A", 7m).Discount("d1", AmountOff(50m, "EUR")).Quote(Line("A", 1));

        Assert.Equal(7m, quote.Totals.DiscountTotal);
        Assert.Equal(0m, quote.Totals.Total);
    }

    [Fact]
    public void A_discount_applies_only_inside_its_window()
    {
        TestRules Rules(DateTimeOffset? starts, DateTimeOffset? ends) => new TestRules().Price("A", 100m).Discount("d1", PercentOff(10), starts, ends);

        Assert.Equal(90m, Rules(Now, Now.AddDays(1)).Quote(Line("A", 1)).Totals.Total);
        Assert.Equal(100m, Rules(Now.AddSeconds(1), null).Quote(Line("A", 1)).Totals.Total);
        Assert.Equal(100m, Rules(null, Now).Quote(Line("A", 1)).Totals.Total);
    }

    [Fact]
    public void A_minimum_quantity_counts_every_targeted_unit_in_the_cart()
    {
        var rules = new TestRules().Price("A", 10m).Price("B", 10m)
            .Discount("d1", PercentOff(10, DiscountScope.Category, categories: ["socks"], minQuantity: 3));

        Assert.Equal(0m, rules.Quote(Line("A", 2, "socks")).Totals.DiscountTotal);
        Assert.Equal(3m, rules.Quote(Line("A", 2, "socks"), Line("B", 1, "socks")).Totals.DiscountTotal);
    }

    [Theory]
    [InlineData(9, 4.50)]      // base 5%
    [InlineData(10, 10.00)]    // tier from 10: 10%
    [InlineData(49, 49.00)]
    [InlineData(50, 100.00)]   // tier from 50: 20%
    public void Bulk_tiers_give_the_value_of_the_highest_tier_reached(int quantity, decimal expectedDiscount)
    {
        var quote = new TestRules().Price("A", 10m)
            .Discount("d1", PercentOff(5, DiscountScope.Sku, skus: ["A"], tiers: [new BulkTier(10, 10), new BulkTier(50, 20)]))
            .Quote(Line("A", quantity));

        Assert.Equal(expectedDiscount, quote.Totals.DiscountTotal);
    }

    [Fact]
    public void A_tier_shows_in_the_reason()
    {
        var quote = new TestRules().Price("A", 10m)
            .Discount("d1", AmountOff(0, "EUR", DiscountScope.Sku, skus: ["A"], tiers: [new BulkTier(10, 1.5m)]))
            .Quote(Line("A", 12));

        Assert.Equal("Discount d1: 1.5 EUR off each (from 10 units)", Assert.Single(quote.Lines[0].Discounts).Reason);
        Assert.Equal(18m, quote.Totals.DiscountTotal);
    }

    [Fact]
    public void Automatic_discounts_do_not_stack_the_largest_wins_per_line()
    {
        var quote = new TestRules().Price("A", 100m)
            .Discount("small", PercentOff(5, DiscountScope.Sku, skus: ["A"]))
            .Discount("large", AmountOff(20m, "EUR", DiscountScope.Sku, skus: ["A"]))
            .Discount("medium", PercentOff(10, DiscountScope.Category, categories: ["c"]))
            .Quote(Line("A", 1, "c"));

        Assert.Equal("large", Assert.Single(quote.Lines[0].Discounts).SourceId);
    }

    [Fact]
    public void Only_the_largest_cart_discount_applies_on_top_of_line_discounts()
    {
        var quote = new TestRules().Price("A", 100m)
            .Discount("line", PercentOff(10, DiscountScope.Sku, skus: ["A"]))
            .Discount("cart-small", PercentOff(5))
            .Discount("cart-large", AmountOff(10m, "EUR"))
            .Quote(Line("A", 1));

        Assert.Equal(["line", "cart-large"], quote.Lines[0].Discounts.Select(d => d.SourceId));
        Assert.Equal(80m, quote.Totals.Total);
    }

    [Fact]
    public void A_fixed_discount_in_another_currency_does_not_apply()
    {
        var quote = new TestRules("USD").Price("A", 100m).Discount("d1", AmountOff(10m, "EUR")).Quote(Line("A", 1));

        Assert.Equal(100m, quote.Totals.Total);
    }

    [Fact]
    public void The_same_request_and_rules_give_the_same_quote_whatever_order_the_rules_come_in()
    {
        var request = new QuoteRequest("EUR", [Line("A", 3, "c"), Line("B", 2, "c")]);
        var rules = new TestRules().Price("A", 10m).Price("B", 7.77m)
            .Discount("d2", PercentOff(10, DiscountScope.Category, categories: ["c"]))
            .Discount("d1", AmountOff(1m, "EUR", DiscountScope.Category, categories: ["c"]))
            .Discount("d3", PercentOff(3))
            .Build();
        var reversed = rules with { Discounts = rules.Discounts.Reverse().ToList() };

        var first = System.Text.Json.JsonSerializer.Serialize(QuoteEngine.Price(request, rules, Now));
        var second = System.Text.Json.JsonSerializer.Serialize(QuoteEngine.Price(request, reversed, Now));

        Assert.Equal(first, second);
    }
}
