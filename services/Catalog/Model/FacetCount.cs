namespace Ecommerce.Catalog.Model;

/// <summary>How many products of a listing (before paging) have this brand or category.</summary>
public sealed record FacetCount(string Value, int Count);
