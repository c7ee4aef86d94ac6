using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Quoting;
using Ecommerce.Pricing.Seeding;

namespace Ecommerce.Pricing.Tests.Seeding;

public sealed class DemoPriceTests
{
    private static readonly IReadOnlyList<string> Skus = [.. Enumerable.Range(0, 2000).Select(i => $"SKU-{i:D5}-{i % 7}")];

    [Fact]
    public void The_same_sku_always_gets_the_same_price()
    {
        Assert.All(Skus, sku => Assert.Equal(DemoPrice.For(sku), DemoPrice.For(new string(sku.ToCharArray()))));
        Assert.True(Skus.Select(sku => DemoPrice.For(sku).Price).Distinct().Count() > 150, "prices are spread over the range");
    }

    [Fact]
    public void Prices_are_in_range_end_in_90_and_fit_the_minor_unit()
    {
        Assert.All(Skus, sku =>
        {
            var price = DemoPrice.For(sku);
            Assert.InRange(price.Price, DemoPrice.Lowest, DemoPrice.Highest);
            Assert.Equal(0.90m, price.Price - decimal.Floor(price.Price));
            Assert.True(Currencies.IsWholeMinorUnits(price.Price, "EUR"));
            if (price.CompareAtPrice is { } compareAt)
            {
                Assert.True(compareAt > price.Price);
                Assert.Equal(0.90m, compareAt - decimal.Floor(compareAt));
                Assert.True(Currencies.IsWholeMinorUnits(compareAt, "EUR"));
            }
            Assert.True(new SetPriceRequestValidator().Validate(price).IsValid);
        });
    }

    [Fact]
    public void About_one_sku_in_five_has_a_compare_at_price()
    {
        var share = Skus.Count(sku => DemoPrice.For(sku).CompareAtPrice is not null) / (double)Skus.Count;
        Assert.InRange(share, 0.15, 0.25);
    }

    [Fact]
    public void The_rule_is_pinned()
    {
        // FNV-1a of the SKU is fixed, so these hold on every machine; a change here changes every demo price.
        Assert.Equal(new SetPriceRequest(239.90m), DemoPrice.For("SKU-00001"));
        Assert.Equal(new SetPriceRequest(214.90m, 300.90m), DemoPrice.For("TRAIL-BOOT-42-BLK"));
    }
}
