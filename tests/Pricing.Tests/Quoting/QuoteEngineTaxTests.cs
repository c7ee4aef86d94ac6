using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Quoting;
using static Ecommerce.Pricing.Tests.Quoting.TestRules;

namespace Ecommerce.Pricing.Tests.Quoting;

public sealed class QuoteEngineTaxTests
{
    private static TestRules Rules(string currency = "EUR") => new TestRules(currency)
        .Tax("FR", 20, pricesIncludeTax: true)
        .Tax("US", 5, pricesIncludeTax: false)
        .Tax("US", 7.25m, pricesIncludeTax: false, region: "CA");

    [Fact]
    public void Inclusive_tax_is_shown_inside_the_price_and_not_added()
    {
        var quote = Rules().Price("A", 120m).Quote(new QuoteRequest("EUR", [Line("A", 1)], Destination: new Destination("FR")));

        Assert.Equal(20m, quote.Lines[0].TaxAmount);
        Assert.Equal(120m, quote.Lines[0].Total);
        Assert.Equal(new QuoteTotals(120m, 0m, 0m, 20m, 120m), quote.Totals);
        Assert.Equal(new QuotedTax("FR", "Tax FR", 20m, true), quote.Tax);
    }

    [Fact]
    public void Exclusive_tax_is_added_on_top_with_the_region_rule_before_the_country_rule()
    {
        var california = Rules("USD").Price("A", 100m).Quote(new QuoteRequest("USD", [Line("A", 1)], Destination: new Destination("US", "CA")));
        var oregon = Rules("USD").Price("A", 100m).Quote(new QuoteRequest("USD", [Line("A", 1)], Destination: new Destination("US", "OR")));

        Assert.Equal(7.25m, california.Totals.TaxTotal);
        Assert.Equal(107.25m, california.Totals.Total);
        Assert.Equal("US-CA", california.Tax!.RuleId);
        Assert.Equal(5m, oregon.Totals.TaxTotal);
        Assert.Equal("US", oregon.Tax!.RuleId);
    }

    [Fact]
    public void Tax_is_on_the_discounted_amount_and_shipping_is_not_taxed()
    {
        var quote = Rules("USD").Price("A", 100m).Discount("d1", PercentOff(10))
            .Quote(new QuoteRequest("USD", [Line("A", 1)], Destination: new Destination("US"), ShippingCost: 10m));

        Assert.Equal(4.50m, quote.Totals.TaxTotal);
        Assert.Equal(90m + 4.50m + 10m, quote.Totals.Total);
    }

    [Fact]
    public void Without_a_destination_or_a_rule_for_it_there_is_no_tax()
    {
        var none = Rules().Price("A", 10m).Quote(Line("A", 1));
        var elsewhere = Rules().Price("A", 10m).Quote(new QuoteRequest("EUR", [Line("A", 1)], Destination: new Destination("DE")));

        Assert.Null(none.Tax);
        Assert.Null(elsewhere.Tax);
        Assert.Equal(0m, elsewhere.Totals.TaxTotal);
    }

    [Fact]
    public void Tax_is_rounded_per_line()
    {
        // 3 lines of 0.10 at 5%: 0.005 each, rounded half away from zero to 0.01 per line.
        var quote = Rules("USD").Price("A", 0.10m).Price("B", 0.10m).Price("C", 0.10m)
            .Quote(new QuoteRequest("USD", [Line("A", 1), Line("B", 1), Line("C", 1)], Destination: new Destination("US")));

        Assert.All(quote.Lines, line => Assert.Equal(0.01m, line.TaxAmount));
        Assert.Equal(0.33m, quote.Totals.Total);
    }
}
