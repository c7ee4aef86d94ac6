namespace Ecommerce.Ordering.Model;

/// <summary>
/// <c>idempotency|{customerId}|{key}</c>: the order a customer's idempotency key made, inserted first-write in the
/// order's own transaction, so one key makes one order however many requests race.
/// </summary>
public sealed record IdempotencyRecord(string OrderId, string Fingerprint, DateTimeOffset CreatedAt);
