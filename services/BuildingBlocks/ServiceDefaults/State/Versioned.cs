namespace Ecommerce.ServiceDefaults.State;

/// <summary>A stored value with the ETag of the version read, for optimistic concurrency.</summary>
public sealed record Versioned<T>(T Value, string ETag);
