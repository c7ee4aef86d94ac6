namespace Ecommerce.Cart.Infrastructure;

/// <summary>A stored value with the ETag of the version read, for optimistic concurrency (If-Match).</summary>
public sealed record Versioned<T>(T Value, string ETag);
