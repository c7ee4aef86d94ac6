namespace Ecommerce.CheckoutLoad;

/// <summary>
/// What the checkout saga promises, checked on every order the platform holds (the back office's list, not the
/// load's own notes: an order whose submit answer was lost counts too): every order ended; per SKU, the stock
/// given at the start is what is on hand plus what fulfilled orders took, with nothing left reserved; the
/// captured money is exactly the fulfilled orders' totals, and no other order was charged.
/// </summary>
internal static class Invariants
{
    public static async Task<(IReadOnlyList<string> Violations, IReadOnlyList<PlacedOrder> Orders)> CheckAsync(
        Api admin, IReadOnlyList<(Api Shopper, string Card)> shoppers, IReadOnlyList<string> skus, int initialStock, TimeSpan settle)
    {
        var violations = new List<string>();
        var orders = new List<PlacedOrder>();
        var deadline = DateTime.UtcNow + settle;
        foreach (var orderId in await AllOrderIdsAsync(admin))
        {
            var order = new PlacedOrder(orderId, await admin.GetAsync($"api/orders/{orderId}"));
            while (!order.Settled && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                order = order with { View = await admin.GetAsync($"api/orders/{orderId}") };
            }
            if (!order.Settled)
            {
                violations.Add($"order {orderId} is still {order.Status} {settle.TotalSeconds:0} s after the load");
            }
            orders.Add(order);
        }

        var taken = orders.Where(order => order.Fulfilled).SelectMany(order => order.Lines)
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

        var byId = orders.ToDictionary(order => order.OrderId);
        var fulfilledTotal = orders.Where(order => order.Fulfilled).Sum(order => order.Total);
        var captured = 0m;
        foreach (var (shopper, _) in shoppers)
        {
            foreach (var payment in (await shopper.GetAsync("api/payments/mine")).AsArray())
            {
                var amount = payment!["capturedAmount"]!.GetValue<decimal>();
                var orderId = payment["orderId"]!.GetValue<string>();
                if (amount > 0 && !(byId.TryGetValue(orderId, out var order) && order.Fulfilled))
                {
                    violations.Add($"order {orderId} was charged {amount} but is {order?.Status ?? "not an order"}");
                }
                captured += amount;
            }
        }
        if (captured != fulfilledTotal)
        {
            violations.Add($"captured {captured} in all, fulfilled orders total {fulfilledTotal}");
        }
        return (violations, orders);
    }

    private static async Task<List<string>> AllOrderIdsAsync(Api admin)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var items = (await admin.GetAsync($"api/orders/admin/orders?page={page}&pageSize=100"))["items"]!.AsArray();
            ids.AddRange(items.Select(item => item!["orderId"]!.GetValue<string>()));
            if (items.Count < 100)
            {
                return ids;
            }
        }
    }
}
