namespace Ecommerce.Cart.Model;

/// <summary>
/// What an order took from a customer's cart (ordering's checkout saga sends it once the order is paid): the order's
/// lines as they were snapshotted when it was placed. Only these quantities leave the cart; lines added since stay.
/// </summary>
public sealed record CheckedOutOrder(string OrderId, IReadOnlyList<CheckedOutLine> Lines);

/// <summary>A SKU and how many of it the order took.</summary>
public sealed record CheckedOutLine(string Sku, int Quantity);
