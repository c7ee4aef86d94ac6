using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Quoting;
using static Ecommerce.Pricing.Tests.Quoting.TestRules;

namespace Ecommerce.Pricing.Tests.Quoting;

public sealed class QuoteEnginePromotionTests
{
    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 10)]
    [InlineData(5, 10)]
    [InlineData(6, 20)]
    public void Buy_two_get_one_free_reduces_one_unit_in_every_three(int quantity, decimal expectedDiscount)
    {
        var quote = new TestRules().Price("SOCK", 10m)
            .BuyXGetY("p1", new BuyXGetYTerms(2, 1, Skus: ["SOCK"]))
            .Quote(Line("SOCK", quantity));

        Assert.Equal(expectedDiscount, quote.Totals.DiscountTotal);
        if (expectedDiscount > 0)
        {
            Assert.Equal("Promotion p1: buy 2, get 1 free", quote.Lines[0].Discounts[0].Reason);
        }
    }

    [Fact]
    public void The_cheapest_targeted_units_are_the_free_ones_across_lines()
    {
        var quote = new TestRules().Price("EXPENSIVE", 30m).Price("CHEAP", 8m)
            .BuyXGetY("p1", new BuyXGetYTerms(1, 1, CategoryIds: ["socks"]))
            .Quote(Line("EXPENSIVE", 2, "socks"), Line("CHEAP", 2, "socks"));

        // 4 units: 2 free, both taken from the cheaper line.
        Assert.Equal(0m, quote.Lines[0].DiscountTotal);
        Assert.Equal(16m, quote.Lines[1].DiscountTotal);
    }

    [Fact]
    public void Buy_x_get_y_at_a_percent_off()
    {
        var quote = new TestRules().Price("A", 9.99m)
            .BuyXGetY("p1", new BuyXGetYTerms(1, 1, Skus: ["A"], PercentOff: 50))
            .Quote(Line("A", 2));

        // Half of 9.99 is 4.995, rounded half away from zero.
        Assert.Equal(5.00m, quote.Totals.DiscountTotal);
        Assert.Equal("Promotion p1: buy 1, get 1 at 50% off", quote.Lines[0].Discounts[0].Reason);
    }

    [Theory]
    [InlineData(49.99, 4.90)]
    [InlineData(50.00, 0)]
    public void Free_shipping_from_a_threshold_of_discounted_goods(decimal price, decimal expectedShipping)
    {
        var quote = new TestRules().Price("A", price)
            .FreeShipping("ship", "EUR", 50m)
            .Quote(new QuoteRequest("EUR", [Line("A", 1)], ShippingCost: 4.90m));

        Assert.Equal(expectedShipping, quote.Shipping.Total);
        Assert.Equal(4.90m, quote.Shipping.Cost);
        Assert.Equal(price + expectedShipping, quote.Totals.Total);
    }

    [Fact]
    public void Free_shipping_counts_the_goods_after_discounts_and_only_in_its_currency()
    {
        var discounted = new TestRules().Price("A", 55m)
            .Discount("d1", PercentOff(10))
            .FreeShipping("ship", "EUR", 50m)
            .Quote(new QuoteRequest("EUR", [Line("A", 1)], ShippingCost: 5m));
        var otherCurrency = new TestRules("USD").Price("A", 100m)
            .FreeShipping("ship", "EUR", 50m)
            .Quote(new QuoteRequest("USD", [Line("A", 1)], ShippingCost: 5m));

        Assert.Equal(5m, discounted.Shipping.Total);
        Assert.Equal(5m, otherCurrency.Shipping.Total);
    }

    [Fact]
    public void Free_shipping_says_why()
    {
        var quote = new TestRules().Price("A", 80m)
            .FreeShipping("ship", "EUR", 50m)
            .Quote(new QuoteRequest("EUR", [Line("A", 1)], ShippingCost: 5m));

        Assert.Equal(new QuotedShipping(5m, 5m, 0m, "Promotion ship: free shipping from 50 EUR"), quote.Shipping);
    }
}
