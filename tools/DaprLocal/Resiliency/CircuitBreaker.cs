namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// One circuit breaker instance, shared by every call to its target. It follows sony/gobreaker,
/// which daprd uses: counters belong to a generation that starts on every state change (and every
/// <c>interval</c> while closed); outcomes reported for an older generation are ignored; while closed,
/// each failure evaluates <c>trip</c>; open lasts <c>timeout</c>; half-open lets <c>maxRequests</c>
/// probes through, re-opens on the first failure and closes after <c>maxRequests</c> successes.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _maxRequests;
    private readonly TimeSpan _openDuration;
    private CircuitBreakerState _state = CircuitBreakerState.Closed;
    private ulong _generation;
    private BreakerCounts _counts;
    private DateTimeOffset? _expiry;

    public CircuitBreaker(CircuitBreakerDefinition definition, string name, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        Name = name;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _maxRequests = Math.Max(1, definition.MaxRequests);
        _openDuration = definition.Timeout > TimeSpan.Zero ? definition.Timeout : CircuitBreakerDefinition.DefaultTimeout;
        StartGeneration(_timeProvider.GetUtcNow());
    }

    public string Name { get; }

    public CircuitBreakerDefinition Definition { get; }

    public CircuitBreakerState State
    {
        get
        {
            lock (_lock)
            {
                return CurrentState(_timeProvider.GetUtcNow());
            }
        }
    }

    public BreakerCounts Counts
    {
        get
        {
            lock (_lock)
            {
                CurrentState(_timeProvider.GetUtcNow());
                return _counts;
            }
        }
    }

    /// <summary>Admits a call, or says which state refused it.</summary>
    internal bool TryEnter(out ulong generation, out CircuitBreakerState refusedIn)
    {
        lock (_lock)
        {
            var state = CurrentState(_timeProvider.GetUtcNow());
            generation = _generation;
            refusedIn = state;
            if (state == CircuitBreakerState.Open || (state == CircuitBreakerState.HalfOpen && _counts.Requests >= _maxRequests))
            {
                return false;
            }
            _counts = _counts.WithRequest();
            return true;
        }
    }

    internal void Exit(ulong generation, bool success)
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var state = CurrentState(now);
            if (generation != _generation)
            {
                return;
            }
            if (success)
            {
                _counts = _counts.WithSuccess();
                if (state == CircuitBreakerState.HalfOpen && _counts.ConsecutiveSuccesses >= _maxRequests)
                {
                    SetState(CircuitBreakerState.Closed, now);
                }
                return;
            }
            if (state == CircuitBreakerState.HalfOpen)
            {
                SetState(CircuitBreakerState.Open, now);
                return;
            }
            _counts = _counts.WithFailure();
            if (state == CircuitBreakerState.Closed && Definition.Trip.Evaluate(_counts))
            {
                SetState(CircuitBreakerState.Open, now);
            }
        }
    }

    private CircuitBreakerState CurrentState(DateTimeOffset now)
    {
        if (_expiry is { } expiry && expiry < now)
        {
            if (_state == CircuitBreakerState.Closed)
            {
                StartGeneration(now);
            }
            else if (_state == CircuitBreakerState.Open)
            {
                SetState(CircuitBreakerState.HalfOpen, now);
            }
        }
        return _state;
    }

    private void SetState(CircuitBreakerState state, DateTimeOffset now)
    {
        if (_state != state)
        {
            _state = state;
            StartGeneration(now);
        }
    }

    private void StartGeneration(DateTimeOffset now)
    {
        _generation++;
        _counts = default;
        _expiry = _state switch
        {
            CircuitBreakerState.Closed => Definition.Interval > TimeSpan.Zero ? now + Definition.Interval : null,
            CircuitBreakerState.Open => now + _openDuration,
            _ => null,
        };
    }
}
