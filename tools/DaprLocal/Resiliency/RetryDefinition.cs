namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// A named retry policy. Defaults are daprd's (dapr/kit retry with cenkalti backoff): constant 5s,
/// retry forever; exponential starts at 500ms, multiplies by 1.5 with ±50% jitter, caps the interval at
/// <see cref="MaxInterval"/> and stops once 15 minutes have elapsed. Only policy, duration, maxInterval,
/// maxRetries and matching can be set from YAML; the other properties exist for the built-in policies.
/// </summary>
public sealed record RetryDefinition(string Name, RetryKind Kind, string Location)
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultMaxInterval = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultInitialInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan DefaultMaxElapsedTime = TimeSpan.FromMinutes(15);

    /// <summary>Interval of a constant policy.</summary>
    public TimeSpan Duration { get; init; } = DefaultDuration;

    /// <summary>Cap on the un-jittered interval of an exponential policy (the jittered delay may exceed it by half).</summary>
    public TimeSpan MaxInterval { get; init; } = DefaultMaxInterval;

    /// <summary>-1 retries until cancelled (or, for exponential, until <see cref="MaxElapsedTime"/>); 0 never retries.</summary>
    public long MaxRetries { get; init; } = -1;

    public RetryMatching Matching { get; init; } = RetryMatching.All;

    public TimeSpan InitialInterval { get; init; } = DefaultInitialInterval;

    public double Multiplier { get; init; } = 1.5;

    public double RandomizationFactor { get; init; } = 0.5;

    /// <summary>Exponential policies give up once this much time has passed since the first attempt; zero = never.</summary>
    public TimeSpan MaxElapsedTime { get; init; } = DefaultMaxElapsedTime;
}
