namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>The body of cart's <c>POST /api/carts/customers/{customerId}/checked-out-orders</c>.</summary>
public sealed record CheckedOutOrder(string OrderId, IReadOnlyList<CheckedOutLine> Lines)
{
    public static string Path(string customerId) => $"api/carts/customers/{Uri.EscapeDataString(customerId)}/checked-out-orders";
}

/// <summary>A SKU and how many of it the order took.</summary>
public sealed record CheckedOutLine(string Sku, int Quantity);
