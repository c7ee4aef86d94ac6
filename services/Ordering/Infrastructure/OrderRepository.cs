using System.Globalization;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Extensions;
using Ecommerce.Ordering.Model;
using Ecommerce.ServiceDefaults.State;
using Microsoft.Extensions.Options;

namespace Ecommerce.Ordering.Infrastructure;

/// <summary>
/// Orders in <c>ordering-store</c> (keys: <see cref="OrderingStateKeys"/>), through one <see cref="ITransactionalStore"/>:
/// an order is created together with its idempotency key and index entries, all or nothing; every later change is an
/// ETag-checked read-modify-write retried when a concurrent change won.
/// </summary>
public sealed class OrderRepository(ITransactionalStore store, IOptions<OrderingOptions> options)
{
    private const int ReadChunk = 100;

    private int Attempts => options.Value.ConcurrencyAttempts;

    public async Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken) =>
        (await store.GetAsync<Order>(OrderingStateKeys.Order(orderId), cancellationToken))?.Value;

    public async Task<IdempotencyRecord?> FindKeyAsync(string customerId, string key, CancellationToken cancellationToken) =>
        (await store.GetAsync<IdempotencyRecord>(OrderingStateKeys.Idempotency(customerId, key), cancellationToken))?.Value;

    /// <summary>
    /// Writes the order, its idempotency key (first-write), the customer's index and the day's index in one
    /// transaction. When the key was taken first (by a concurrent request), nothing is written and the record of the
    /// winner is the answer.
    /// </summary>
    public async Task<CreateOutcome> CreateAsync(Order order, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var keyKey = OrderingStateKeys.Idempotency(order.CustomerId, idempotencyKey);
        var customerKey = OrderingStateKeys.CustomerOrders(order.CustomerId);
        var day = DayOf(order.CreatedAt);
        var bucketKey = OrderingStateKeys.OrdersOfDay(day, OrderingStateKeys.BucketOf(order.Id));
        var reference = new OrderReference(order.Id, order.CustomerId, order.CreatedAt);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.GetAsync<IdempotencyRecord>(keyKey, cancellationToken) is { } taken)
            {
                return new CreateOutcome(taken.Value, Conflict: false);
            }
            var customer = await store.GetAsync<OrderIndex>(customerKey, cancellationToken);
            var bucket = await store.GetAsync<OrderIndex>(bucketKey, cancellationToken);
            var days = await store.GetAsync<OrderDays>(OrderingStateKeys.OrderDays, cancellationToken);
            List<StateChange> changes =
            [
                new StateChange.Insert(OrderingStateKeys.Order(order.Id), order),
                new StateChange.Insert(keyKey, new IdempotencyRecord(order.Id, order.RequestFingerprint, order.CreatedAt)),
                StateChange.Write(customerKey, (customer?.Value ?? OrderIndex.Empty).With(reference), customer?.ETag),
                StateChange.Write(bucketKey, (bucket?.Value ?? OrderIndex.Empty).With(reference), bucket?.ETag),
            ];
            if (days is null || !days.Value.Days.Contains(day))
            {
                // Days are only ever appended, so the list is written (ETag-checked) only on a day's first order.
                changes.Add(StateChange.Write(OrderingStateKeys.OrderDays, new OrderDays([.. days?.Value.Days ?? [], day]), days?.ETag));
            }
            if (await store.TryCommitAsync(changes, cancellationToken))
            {
                return new CreateOutcome(null, Conflict: false);
            }
        }
        return new CreateOutcome(null, Conflict: true);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current order (null from it: nothing to change) and writes the result
    /// only if nobody changed the order meanwhile, reading again and re-deciding when someone did.
    /// </summary>
    public async Task<OrderUpdate> UpdateAsync(string orderId, Func<Order, Order?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = OrderingStateKeys.Order(orderId);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await store.GetAsync<Order>(key, cancellationToken);
            if (current is null)
            {
                return new OrderUpdate(null, Changed: false, Conflict: false);
            }
            var updated = change(current.Value);
            if (updated is null)
            {
                return new OrderUpdate(current.Value, Changed: false, Conflict: false);
            }
            if (await store.TryCommitAsync([new StateChange.Update(key, updated, current.ETag)], cancellationToken))
            {
                return new OrderUpdate(updated, Changed: true, Conflict: false);
            }
        }
        return new OrderUpdate(null, Changed: false, Conflict: true);
    }

    /// <summary>A customer's orders, newest first.</summary>
    public async Task<(IReadOnlyList<Order> Orders, int TotalCount)> ListOfCustomerAsync(string customerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var index = (await store.GetAsync<OrderIndex>(OrderingStateKeys.CustomerOrders(customerId), cancellationToken))?.Value ?? OrderIndex.Empty;
        var newestFirst = index.Orders.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.OrderId, StringComparer.Ordinal).ToList();
        return (await LoadAsync(newestFirst.Skip((page - 1) * pageSize).Take(pageSize).ToList(), cancellationToken), newestFirst.Count);
    }

    /// <summary>
    /// The back office's list, newest first, optionally of one customer and/or in one status. Without a status the
    /// indexes alone give the page and the count; with one, the orders are read (in chunks) to filter them, which
    /// costs a read of every order listed: fine for a back office, not for a storefront.
    /// </summary>
    public async Task<(IReadOnlyList<Order> Orders, int TotalCount)> ListAsync(
        OrderStatus? status, string? customerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var references = customerId is not null
            ? ((await store.GetAsync<OrderIndex>(OrderingStateKeys.CustomerOrders(customerId), cancellationToken))?.Value ?? OrderIndex.Empty).Orders
            : await AllReferencesAsync(cancellationToken);
        var newestFirst = references.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.OrderId, StringComparer.Ordinal).ToList();
        if (status is null)
        {
            return (await LoadAsync(newestFirst.Skip((page - 1) * pageSize).Take(pageSize).ToList(), cancellationToken), newestFirst.Count);
        }

        var matching = new List<Order>();
        foreach (var chunk in newestFirst.Chunk(ReadChunk))
        {
            matching.AddRange((await LoadAsync(chunk, cancellationToken)).Where(order => order.Status == status));
        }
        return (matching.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matching.Count);
    }

    /// <summary>Every order created on these days (UTC, <c>yyyy-MM-dd</c>), read from the days' index buckets.</summary>
    public async Task<IReadOnlyList<Order>> ListOfDaysAsync(IReadOnlyCollection<string> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        var keys = days.SelectMany(day => Enumerable.Range(0, OrderingStateKeys.DayBuckets).Select(bucket => OrderingStateKeys.OrdersOfDay(day, bucket))).ToList();
        var references = (await store.GetManyAsync<OrderIndex>(keys, cancellationToken)).SelectMany(bucket => bucket.Value.Orders).ToList();
        var orders = new List<Order>();
        foreach (var chunk in references.Chunk(ReadChunk))
        {
            orders.AddRange(await LoadAsync(chunk, cancellationToken));
        }
        return orders;
    }

    public static string DayOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<OrderReference>> AllReferencesAsync(CancellationToken cancellationToken)
    {
        var days = (await store.GetAsync<OrderDays>(OrderingStateKeys.OrderDays, cancellationToken))?.Value ?? OrderDays.Empty;
        var keys = days.Days.SelectMany(day => Enumerable.Range(0, OrderingStateKeys.DayBuckets).Select(bucket => OrderingStateKeys.OrdersOfDay(day, bucket))).ToList();
        var buckets = await store.GetManyAsync<OrderIndex>(keys, cancellationToken);
        return [.. buckets.SelectMany(bucket => bucket.Value.Orders)];
    }

    /// <summary>The orders of the references, in the references' order (an order missing from the store is left out).</summary>
    private async Task<IReadOnlyList<Order>> LoadAsync(IReadOnlyList<OrderReference> references, CancellationToken cancellationToken)
    {
        var found = (await store.GetManyAsync<Order>([.. references.Select(r => OrderingStateKeys.Order(r.OrderId))], cancellationToken))
            .ToDictionary(order => order.Value.Id, order => order.Value, StringComparer.Ordinal);
        return [.. references.Select(r => found.GetValueOrDefault(r.OrderId)).OfType<Order>()];
    }
}

/// <summary>The result of <see cref="OrderRepository.CreateAsync"/>: created (both null/false), the key already taken (<see cref="Existing"/>), or too many concurrent writers (<see cref="Conflict"/>).</summary>
public sealed record CreateOutcome(IdempotencyRecord? Existing, bool Conflict);

/// <summary>The result of <see cref="OrderRepository.UpdateAsync"/>: the order after it (null when there is none, or on <see cref="Conflict"/>).</summary>
public sealed record OrderUpdate(Order? Order, bool Changed, bool Conflict);
