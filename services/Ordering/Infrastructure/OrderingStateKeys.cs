namespace Ecommerce.Ordering.Infrastructure;

/// <summary>
/// The keys of <c>ordering-store</c> (the sidecar prefixes each with the app id). Order ids and idempotency keys are
/// validated to contain no '|'; a customer id (the token's subject) is escaped, so no value can forge a key part.
/// <list type="bullet">
/// <item><c>order|{orderId}</c>: the <see cref="Model.Order"/> with its status history and return.</item>
/// <item><c>idempotency|{customerId}|{key}</c>: the <see cref="Model.IdempotencyRecord"/> naming the order the key made; inserted first-write in the order's transaction.</item>
/// <item><c>customer-orders|{customerId}</c>: the customer's <see cref="Model.OrderIndex"/> ("my orders"), ETag-checked in the same transaction.</item>
/// <item><c>order-days</c>: the <see cref="Model.OrderDays"/> that have orders, for the back office.</item>
/// <item><c>orders-of-day|{yyyy-MM-dd}|{bucket}</c>: one of <see cref="DayBuckets"/> <see cref="Model.OrderIndex"/> of a day (by a hash of the order id), so concurrent checkouts rarely write the same key.</item>
/// </list>
/// The state query API is not used: not every store serves it (Redis without RediSearch, Cassandra), and these
/// keys work on every transactional store.
/// </summary>
public static class OrderingStateKeys
{
    public const int DayBuckets = 8;

    public const string OrderDays = "order-days";

    public static string Order(string orderId) => $"order|{orderId}";

    public static string Idempotency(string customerId, string key) => $"idempotency|{Escape(customerId)}|{key}";

    public static string CustomerOrders(string customerId) => $"customer-orders|{Escape(customerId)}";

    public static string OrdersOfDay(string day, int bucket) => $"orders-of-day|{day}|{bucket}";

    public static int BucketOf(string orderId)
    {
        // A stable hash (string.GetHashCode differs between processes).
        var hash = 17;
        foreach (var c in orderId)
        {
            hash = unchecked((hash * 31) + c);
        }
        return (int)((uint)hash % DayBuckets);
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
