namespace Ecommerce.Ordering.Model;

/// <summary>An entry of an order index: enough to sort and filter without reading the order.</summary>
public sealed record OrderReference(string OrderId, string CustomerId, DateTimeOffset CreatedAt);
