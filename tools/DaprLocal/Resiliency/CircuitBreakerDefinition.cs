namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// A named circuit breaker template; every target using it gets its own <see cref="CircuitBreaker"/>.
/// Defaults are daprd's (sony/gobreaker): one half-open probe, counters never reset while closed,
/// open for 60s, trip when <c>consecutiveFailures &gt; 5</c>.
/// </summary>
public sealed record CircuitBreakerDefinition(string Name, string Location)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Probe calls allowed while half-open, and successes needed there to close.</summary>
    public int MaxRequests { get; init; } = 1;

    /// <summary>How often a closed breaker clears its counters; zero = never.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.Zero;

    /// <summary>How long the breaker stays open before letting probes through.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public TripExpression Trip { get; init; } = TripExpression.Default;
}
