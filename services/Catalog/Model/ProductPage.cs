namespace Ecommerce.Catalog.Model;

/// <summary>One page of a listing, with the total and the brand and category counts of the whole result.</summary>
public sealed record ProductPage(
    IReadOnlyList<ProductSummary> Items,
    int Page,
    int PageSize,
    int TotalCount,
    IReadOnlyList<FacetCount> Brands,
    IReadOnlyList<FacetCount> Categories);
