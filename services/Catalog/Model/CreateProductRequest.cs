namespace Ecommerce.Catalog.Model;

/// <summary>An admin's new product. Without a slug, one is made from the name.</summary>
public sealed record CreateProductRequest(
    string Name,
    string Description,
    string Brand,
    string CategoryId,
    string? Slug = null,
    ProductStatus Status = ProductStatus.Draft,
    IReadOnlyDictionary<string, string>? Attributes = null,
    IReadOnlyList<ProductVariant>? Variants = null,
    IReadOnlyList<ProductMedia>? Media = null) : IProductFields;
