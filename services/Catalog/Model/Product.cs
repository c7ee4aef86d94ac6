namespace Ecommerce.Catalog.Model;

/// <summary>
/// A product as stored in <c>catalog-store</c> and returned by the API. <see cref="Revision"/>
/// counts changes and travels in <c>catalog.product-changed</c> so consumers can order them.
/// </summary>
public sealed record Product(
    string Id,
    string Name,
    string Slug,
    string Description,
    string Brand,
    ProductStatus Status,
    long Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
