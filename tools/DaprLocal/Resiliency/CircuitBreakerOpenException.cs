namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// A call refused by a circuit breaker without being attempted: the breaker is open, or it is
/// half-open and its probe calls are all in flight (daprd's <c>ErrOpenState</c> / <c>ErrTooManyRequests</c>).
/// </summary>
public sealed class CircuitBreakerOpenException : Exception
{
    public CircuitBreakerOpenException(string breakerName, CircuitBreakerState state)
        : base(state == CircuitBreakerState.Open
            ? $"circuit breaker '{breakerName}' is open"
            : $"circuit breaker '{breakerName}' is half-open and allows no more requests")
    {
        BreakerName = breakerName;
        State = state;
    }

    public CircuitBreakerOpenException()
        : this("unnamed", CircuitBreakerState.Open)
    {
    }

    public CircuitBreakerOpenException(string message)
        : base(message)
    {
        BreakerName = "unnamed";
    }

    public CircuitBreakerOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
        BreakerName = "unnamed";
    }

    public string BreakerName { get; }

    public CircuitBreakerState State { get; }
}
