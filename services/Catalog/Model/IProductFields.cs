namespace Ecommerce.Catalog.Model;

/// <summary>What an admin writes when creating or updating a product; one set of rules checks both.</summary>
public interface IProductFields
{
    string Name { get; }

    string Description { get; }

    string Brand { get; }

    string? Slug { get; }

    string CategoryId { get; }

    IReadOnlyDictionary<string, string>? Attributes { get; }

    IReadOnlyList<ProductVariant>? Variants { get; }

    IReadOnlyList<ProductMedia>? Media { get; }
}
