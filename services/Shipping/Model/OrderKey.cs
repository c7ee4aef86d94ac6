namespace Ecommerce.Shipping.Model;

/// <summary>The order id in a route.</summary>
public sealed record OrderKey(string OrderId);
