namespace Ecommerce.Catalog.Model;

/// <summary>An image of a product; the lowest <see cref="Order"/> is the one listings show.</summary>
public sealed record ProductMedia(Uri Url, string AltText, int Order);
