namespace Ecommerce.Catalog.Model;

/// <summary>
/// What a SKU is, for the services that hold SKUs and not products (the cart, the wishlist): its
/// product, whether that product can be sold (<see cref="Status"/> active), its options and image.
/// </summary>
public sealed record SkuDetails(
    string Sku,
    string ProductId,
    string ProductName,
    string CategoryId,
    ProductStatus Status,
    IReadOnlyDictionary<string, string> Options,
    int WeightGrams,
    Uri? ImageUrl);
