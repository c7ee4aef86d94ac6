namespace Ecommerce.Catalog.Model;

/// <summary>
/// The whole editable product, replacing the stored one (send it with <c>If-Match</c>). Without a
/// slug the current one is kept. Archiving has its own endpoint, so the status here is draft or active.
/// </summary>
public sealed record UpdateProductRequest(
    string Name,
    string Description,
    string Brand,
    string CategoryId,
    ProductStatus Status,
    string? Slug = null,
    IReadOnlyDictionary<string, string>? Attributes = null,
    IReadOnlyList<ProductVariant>? Variants = null,
    IReadOnlyList<ProductMedia>? Media = null) : IProductFields;
