namespace Ecommerce.Gateway.Resilience;

/// <summary>
/// The gateway's own part of resilience (configuration section <c>Gateway:Resilience</c>). Timeouts
/// and circuit breakers per service are the sidecar's (<c>components/*/resiliency.yaml</c>, scoped
/// to <c>gateway</c>); the gateway adds one retry of idempotent reads and a backstop timeout.
/// </summary>
public sealed class ResilienceOptions
{
    public const string SectionName = "Gateway:Resilience";

    /// <summary>Wait before the one retry of a failed GET or HEAD.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A failure that took longer than this is not retried: retrying a timed-out read would double
    /// the wait, and a slow failure is usually the sidecar's own timeout.
    /// </summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The proxy gives up on a sidecar that neither answers nor fails within this long (YARP's
    /// activity timeout). Only a backstop: the sidecar's own timeout (3 s) normally comes first.
    /// </summary>
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The <c>Retry-After</c> of a 503.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
