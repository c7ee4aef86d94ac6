namespace Ecommerce.Contracts.Ordering;

/// <summary>One line of an order as events carry it.</summary>
public sealed record OrderLineV1(string Sku, int Quantity);
