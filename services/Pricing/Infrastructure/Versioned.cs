namespace Ecommerce.Pricing.Infrastructure;

/// <summary>A stored value with the ETag of the version read, for optimistic concurrency (If-Match).</summary>
public sealed record Versioned<T>(T Value, string ETag);

/// <summary>How a conditional write ended.</summary>
public enum WriteOutcome
{
    Written,
    NotFound,

    /// <summary>The stored version is not the one the caller named (412), or changed while writing (409).</summary>
    VersionMismatch,
}

/// <summary>The outcome of a conditional write and, when written, the new version.</summary>
public sealed record WriteResult<T>(WriteOutcome Outcome, Versioned<T>? Stored = null);
