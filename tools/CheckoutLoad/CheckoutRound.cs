using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ecommerce.CheckoutLoad;

/// <summary>
/// One round: every shopper checks out, waits for the saga to end, and checks out again, until the round's
/// number of checkouts is placed (closed loop: a shopper's cart holds one order at a time, as a real one does).
/// </summary>
internal sealed class CheckoutRound(IReadOnlyList<(Api Shopper, string Card)> shoppers, IReadOnlyList<string> skus)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SagaTimeout = TimeSpan.FromSeconds(60);

    public async Task<RoundResult> RunAsync(int checkouts)
    {
        var remaining = checkouts;
        var orders = new ConcurrentBag<PlacedOrder>();
        var errors = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0}s  {orders.Count,6} ended  {orders.Count(o => o.Fulfilled),6} confirmed  {errors.Count} errors"),
            null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

        await Task.WhenAll(shoppers.Select((shopper, index) => Task.Run(async () =>
        {
            var random = new Random(index);
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                try
                {
                    orders.Add(await CheckoutAsync(shopper.Shopper, shopper.Card, random));
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException or TimeoutException)
                {
                    errors.Add(error.Message);
                }
            }
        })));
        clock.Stop();
        return new RoundResult(clock.Elapsed, [.. orders], [.. errors]);
    }

    /// <summary>
    /// Places the order as a careful client does: when the answer is lost (a 5xx, a timeout), it asks again
    /// with the same idempotency key, which gives the same order and never a second one.
    /// </summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> SubmitAsync(Api shopper, string card)
    {
        var key = Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await shopper.PostAsync("api/orders", new
                {
                    shippingAddress = new { recipient = "Load Shopper", line1 = "Unter den Linden 1", city = "Berlin", postalCode = "10115", country = "DE" },
                    shippingMethod = "standard",
                    paymentMethodId = card,
                    currency = Storefront.Currency,
                }, idempotencyKey: key);
            }
            catch (Exception error) when (attempt < 5 && error is TaskCanceledException or HttpRequestException { StatusCode: null or >= System.Net.HttpStatusCode.InternalServerError })
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    private async Task<PlacedOrder> CheckoutAsync(Api shopper, string card, Random random)
    {
        foreach (var sku in skus.OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
        {
            await shopper.PostAsync("api/cart/lines", new { sku, quantity = 1 });
        }
        var submitted = await SubmitAsync(shopper, card);
        var order = new PlacedOrder(submitted["orderId"]!.GetValue<string>(), submitted);
        var deadline = DateTime.UtcNow + SagaTimeout;
        while (!order.Settled)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"order {order.OrderId} still {order.Status} after {SagaTimeout.TotalSeconds} s");
            }
            await Task.Delay(PollInterval);
            order = order with { View = await shopper.GetAsync($"api/orders/{order.OrderId}") };
        }
        return order;
    }
}

internal sealed record RoundResult(TimeSpan Elapsed, IReadOnlyList<PlacedOrder> Orders, IReadOnlyList<string> Errors)
{
    public int Confirmed => Orders.Count(order => order.Fulfilled);

    public double CheckoutsPerSecond => Confirmed / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        var latencies = Orders.Select(order => order.SubmitToConfirmed).OfType<TimeSpan>().Select(l => l.TotalMilliseconds).Order().ToList();
        return latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
    }
}
