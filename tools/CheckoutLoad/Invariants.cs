using System.Collections.Concurrent;

namespace Ecommerce.CheckoutLoad;

/// <summary>
/// What the checkout saga promises, checked on everything the load did: every order ended; per SKU, the
/// stock given at the start is what is on hand plus what fulfilled orders took, with nothing left reserved;
/// the captured money is exactly the fulfilled orders' totals, and no other order was charged.
/// </summary>
internal static class Invariants
{
    public static async Task<IReadOnlyList<string>> CheckAsync(
        Api admin, IReadOnlyList<(Api Shopper, string Card)> shoppers, IReadOnlyList<string> skus, int initialStock,
        ConcurrentDictionary<string, PlacedOrder> placed, TimeSpan settle)
    {
        var violations = new List<string>();

        var deadline = DateTime.UtcNow + settle;
        foreach (var order in placed.Values.Where(order => !order.Settled).ToList())
        {
            var latest = order;
            while (!latest.Settled && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                latest = latest with { View = await shoppers[order.Shopper].Shopper.GetAsync($"api/orders/{order.OrderId}") };
            }
            placed[order.OrderId] = latest;
            if (!latest.Settled)
            {
                violations.Add($"order {order.OrderId} is still {latest.Status} {settle.TotalSeconds:0} s after the load");
            }
        }

        var taken = placed.Values.Where(order => order.Fulfilled).SelectMany(order => order.Lines)
            .GroupBy(line => line.Sku).ToDictionary(group => group.Key, group => group.Sum(line => line.Quantity));
        foreach (var sku in skus)
        {
            var stock = await admin.GetAsync($"api/inventory/items/{sku}");
            var onHand = stock["onHand"]!.GetValue<int>();
            var reserved = stock["reserved"]!.GetValue<int>();
            var committed = taken.GetValueOrDefault(sku);
            if (onHand + committed != initialStock || reserved != 0)
            {
                violations.Add($"{sku}: {initialStock} at the start, now {onHand} on hand + {committed} in fulfilled orders, {reserved} still reserved");
            }
        }

        var fulfilledTotal = placed.Values.Where(order => order.Fulfilled).Sum(order => order.Total);
        var captured = 0m;
        foreach (var (shopper, _) in shoppers)
        {
            foreach (var payment in (await shopper.GetAsync("api/payments/mine")).AsArray())
            {
                var amount = payment!["capturedAmount"]!.GetValue<decimal>();
                var orderId = payment["orderId"]!.GetValue<string>();
                if (amount > 0 && !(placed.TryGetValue(orderId, out var order) && order.Fulfilled))
                {
                    violations.Add($"order {orderId} was charged {amount} but is {(order?.Status ?? "unknown")}");
                }
                captured += amount;
            }
        }
        if (captured != fulfilledTotal)
        {
            violations.Add($"captured {captured} in all, fulfilled orders total {fulfilledTotal}");
        }
        return violations;
    }
}
