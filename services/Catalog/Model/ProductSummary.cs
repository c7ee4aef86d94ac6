namespace Ecommerce.Catalog.Model;

/// <summary>
/// A product as a listing shows it: the lowest variant price in the asked currency (null while
/// pricing has not priced any variant), whether any variant can be bought now, and the first image.
/// </summary>
public sealed record ProductSummary(
    string Id,
    string Name,
    string Slug,
    string Brand,
    string CategoryId,
    decimal? PriceFrom,
    string Currency,
    bool InStock,
    Uri? ImageUrl,
    string? ImageAlt);
