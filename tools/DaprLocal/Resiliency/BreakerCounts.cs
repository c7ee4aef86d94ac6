namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// A circuit breaker's counters for the current generation (cleared on every state change and,
/// when closed, every <c>interval</c>): the variables a <c>trip</c> expression can use.
/// </summary>
public readonly record struct BreakerCounts(
    long Requests,
    long TotalSuccesses,
    long TotalFailures,
    long ConsecutiveSuccesses,
    long ConsecutiveFailures)
{
    internal BreakerCounts WithRequest() => this with { Requests = Requests + 1 };

    internal BreakerCounts WithSuccess() => this with
    {
        TotalSuccesses = TotalSuccesses + 1,
        ConsecutiveSuccesses = ConsecutiveSuccesses + 1,
        ConsecutiveFailures = 0,
    };

    internal BreakerCounts WithFailure() => this with
    {
        TotalFailures = TotalFailures + 1,
        ConsecutiveFailures = ConsecutiveFailures + 1,
        ConsecutiveSuccesses = 0,
    };
}
