namespace Ecommerce.Catalog.Model;

/// <summary>How a listing is ordered (the query value is the name in camelCase: <c>sort=priceAscending</c>).</summary>
public enum ProductSort
{
    /// <summary>Best search match first; by name when there is no search text.</summary>
    Relevance,

    /// <summary>A to Z.</summary>
    Name,

    /// <summary>Cheapest first; products without a price last.</summary>
    PriceAscending,

    /// <summary>Dearest first; products without a price last.</summary>
    PriceDescending,

    /// <summary>Most recently created first.</summary>
    Newest,
}

/// <summary>Reads <c>sort</c> values by name, whatever their case ("newest", "priceAscending"); numbers are not names.</summary>
public static class ProductSorts
{
    public static bool TryParse(string? text, out ProductSort sort)
    {
        var name = Enum.GetNames<ProductSort>().FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
        sort = name is null ? default : Enum.Parse<ProductSort>(name);
        return name is not null;
    }
}
