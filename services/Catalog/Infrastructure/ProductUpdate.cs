namespace Ecommerce.Catalog.Infrastructure;

public enum ProductUpdateOutcome
{
    Updated,

    /// <summary>The product changed since the caller read it (its ETag is not the one sent).</summary>
    Stale,

    /// <summary>The new slug belongs to another product.</summary>
    SlugTaken,
}

/// <summary>What an update did; <see cref="Product"/> is the stored result when it was <see cref="ProductUpdateOutcome.Updated"/>.</summary>
public sealed record ProductUpdate(ProductUpdateOutcome Outcome, VersionedProduct? Product = null);
