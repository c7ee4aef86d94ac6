namespace Ecommerce.Ordering.Model;

/// <summary>
/// A list of orders kept beside them (a customer's orders, or one bucket of one day's orders for the back office),
/// oldest first, written with an ETag in the order's creating transaction.
/// </summary>
public sealed record OrderIndex(IReadOnlyList<OrderReference> Orders)
{
    public static OrderIndex Empty { get; } = new([]);

    public OrderIndex With(OrderReference reference) => new([.. Orders, reference]);
}
