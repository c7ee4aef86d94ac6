namespace Ecommerce.Catalog.Model;

/// <summary>What pricing last said about a SKU, per currency, with the revision of each price (state key <c>sku-prices|{sku}</c>).</summary>
public sealed record SkuPrices(IReadOnlyDictionary<string, SkuPrice> ByCurrency)
{
    public static SkuPrices None { get; } = new(new Dictionary<string, SkuPrice>());

    /// <summary>These prices with <paramref name="price"/> in <paramref name="currency"/>, unless a newer one is known already.</summary>
    public SkuPrices With(string currency, SkuPrice price)
    {
        ArgumentNullException.ThrowIfNull(price);
        if (ByCurrency.TryGetValue(currency, out var known) && known.Revision >= price.Revision)
        {
            return this;
        }
        return new SkuPrices(new Dictionary<string, SkuPrice>(ByCurrency) { [currency] = price });
    }
}

public sealed record SkuPrice(decimal Amount, decimal? CompareAtAmount, long Revision);
