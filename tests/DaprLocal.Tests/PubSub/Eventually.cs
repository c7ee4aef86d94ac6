using System.Diagnostics;

namespace Ecommerce.DaprLocal.Tests.PubSub;

/// <summary>Bounded waits for asynchronous deliveries: poll, never sleep for long.</summary>
internal static class Eventually
{
    /// <summary>Longest a delivery (or redelivery) may take before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long to watch for a delivery that must not happen. Longer than every redelivery delay
    /// the tests configure (1 s in memory and on RabbitMQ, 0.5 s + 0.2 s on Redis).
    /// </summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1.5);

    public static Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > limit)
            {
                Assert.Fail($"Waited {limit.TotalSeconds} s for: {what}");
            }
            await Task.Delay(20);
        }
    }
}
