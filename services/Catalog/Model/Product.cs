namespace Ecommerce.Catalog.Model;

/// <summary>
/// A product as stored in <c>catalog-store</c> and returned by the API. <see cref="Revision"/>
/// counts changes and travels in <c>catalog.product-changed</c> so consumers can order them.
/// Prices and stock are not here: pricing and inventory own them, per variant SKU.
/// </summary>
public sealed record Product(
    string Id,
    string Name,
    string Slug,
    string Description,
    string Brand,
    string CategoryId,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<ProductVariant> Variants,
    IReadOnlyList<ProductMedia> Media,
    ProductStatus Status,
    long Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
