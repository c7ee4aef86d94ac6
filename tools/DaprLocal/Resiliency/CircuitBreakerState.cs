namespace Ecommerce.DaprLocal.Resiliency;

public enum CircuitBreakerState
{
    /// <summary>Calls go through; failures are counted and may trip the breaker.</summary>
    Closed,

    /// <summary>Calls fail fast until the breaker's timeout has passed.</summary>
    Open,

    /// <summary>Up to <c>maxRequests</c> probe calls go through; one failure re-opens, enough successes close.</summary>
    HalfOpen,
}
