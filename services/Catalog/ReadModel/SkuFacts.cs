using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.ReadModel;

/// <summary>
/// A SKU's current prices and stock in the read model. One instance per SKU, shared by the
/// listed product that has the SKU, so a price event changes what every listing computes
/// without re-indexing the product.
/// </summary>
internal sealed class SkuFacts
{
    public SkuPrices Prices { get; private set; } = SkuPrices.None;

    public SkuStock? Stock { get; private set; }

    /// <summary>Keeps, per currency, the price with the highest revision.</summary>
    public void Merge(SkuPrices prices)
    {
        foreach (var (currency, price) in prices.ByCurrency)
        {
            Prices = Prices.With(currency, price);
        }
    }

    /// <summary>Keeps the stock with the highest revision.</summary>
    public void Merge(SkuStock stock)
    {
        if (Stock is null || stock.Revision > Stock.Revision)
        {
            Stock = stock;
        }
    }
}
