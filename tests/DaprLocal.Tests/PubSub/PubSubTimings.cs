namespace Ecommerce.DaprLocal.Tests.PubSub;

/// <summary>How long the broker tests wait: long enough for any delivery, short enough to fail fast.</summary>
internal static class PubSubTimings
{
    /// <summary>Longest a delivery (or redelivery) may take before the test fails.</summary>
    public static readonly TimeSpan Delivery = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long to watch for a delivery that must not happen. Longer than every redelivery delay
    /// the tests configure (1 s in memory and on RabbitMQ, 0.5 s + 0.2 s on Redis).
    /// </summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);
}
