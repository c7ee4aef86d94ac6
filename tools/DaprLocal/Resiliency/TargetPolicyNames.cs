namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>The timeout, retry and circuit breaker a target names; null where it names none.</summary>
public sealed record TargetPolicyNames(
    PolicyReference? Timeout,
    PolicyReference? Retry,
    PolicyReference? CircuitBreaker,
    string Location)
{
    public static TargetPolicyNames None(string location) => new(null, null, null, location);
}
