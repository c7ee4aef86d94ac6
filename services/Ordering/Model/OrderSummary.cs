using Ecommerce.Contracts.Ordering;

namespace Ecommerce.Ordering.Model;

/// <summary>An order in a list.</summary>
public sealed record OrderSummary(
    string OrderId,
    string CustomerId,
    OrderStatus Status,
    int ItemCount,
    decimal? Total,
    string Currency,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static OrderSummary Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(order.Id, order.CustomerId, order.Status, order.Lines.Sum(line => line.Quantity), order.Totals?.Total, order.Currency,
            order.CreatedAt, order.UpdatedAt);
    }
}

/// <summary>One page of a list, newest first, with the number of items in the whole list.</summary>
public sealed record OrderPage(IReadOnlyList<OrderSummary> Items, int Page, int PageSize, int TotalCount);
