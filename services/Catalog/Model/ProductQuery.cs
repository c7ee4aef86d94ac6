using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Catalog.Model;

/// <summary>
/// The public listing's query string: <c>?q=trail runner&amp;category=shoes&amp;brand=Northwind&amp;minPrice=20&amp;maxPrice=120
/// &amp;attribute=colour:blue&amp;inStock=true&amp;sort=priceAscending&amp;page=1&amp;pageSize=24</c>.
/// A category includes its descendants; several brands or attributes narrow as "any brand of" and "every attribute".
/// </summary>
public sealed record ProductQuery
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 100;

    /// <summary>Free text, matched by word prefix and with one typo allowed in words of four letters or more.</summary>
    [FromQuery(Name = "q")]
    public string? Text { get; init; }

    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    [FromQuery(Name = "brand")]
    public string[]? Brands { get; init; }

    [FromQuery(Name = "minPrice")]
    public decimal? MinPrice { get; init; }

    [FromQuery(Name = "maxPrice")]
    public decimal? MaxPrice { get; init; }

    /// <summary>ISO 4217 code of the prices shown and filtered on; the service's default currency when absent.</summary>
    [FromQuery(Name = "currency")]
    public string? Currency { get; init; }

    /// <summary><c>name:value</c>, matched against product attributes and variant options alike (<c>colour:blue</c>).</summary>
    [FromQuery(Name = "attribute")]
    public string[]? Attributes { get; init; }

    [FromQuery(Name = "inStock")]
    public bool? InStock { get; init; }

    /// <summary>relevance (the default with q), name (the default without), priceAscending, priceDescending or newest.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }
}
