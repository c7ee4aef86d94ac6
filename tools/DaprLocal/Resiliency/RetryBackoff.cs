namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// The delays of one execution's retries, computed as cenkalti/backoff v4 does for daprd:
/// <c>maxRetries</c> caps the number of delays handed out; an exponential interval is jittered
/// uniformly within ±<c>RandomizationFactor</c>, then grows by <c>Multiplier</c> up to <c>MaxInterval</c>,
/// and retrying stops when the next delay would end past <c>MaxElapsedTime</c>.
/// </summary>
internal sealed class RetryBackoff
{
    private readonly RetryDefinition _definition;
    private readonly TimeProvider _timeProvider;
    private readonly Func<double> _random;
    private readonly long _startedAt;
    private TimeSpan _interval;
    private long _retries;

    public RetryBackoff(RetryDefinition definition, TimeProvider timeProvider, Func<double> random)
    {
        _definition = definition;
        _timeProvider = timeProvider;
        _random = random;
        _startedAt = timeProvider.GetTimestamp();
        _interval = definition.InitialInterval;
    }

    public bool TryGetNextDelay(out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (_definition.MaxRetries >= 0 && _retries >= _definition.MaxRetries)
        {
            return false;
        }
        _retries++;
        if (_definition.Kind == RetryKind.Constant)
        {
            delay = _definition.Duration;
            return true;
        }

        var elapsed = _timeProvider.GetElapsedTime(_startedAt);
        var next = Jitter(_interval);
        Grow();
        if (_definition.MaxElapsedTime > TimeSpan.Zero && elapsed + next > _definition.MaxElapsedTime)
        {
            return false;
        }
        delay = next;
        return true;
    }

    private TimeSpan Jitter(TimeSpan interval)
    {
        var factor = _definition.RandomizationFactor;
        if (factor <= 0)
        {
            return interval;
        }
        var delta = factor * interval.Ticks;
        var low = interval.Ticks - delta;
        var high = interval.Ticks + delta;
        return TimeSpan.FromTicks((long)(low + (_random() * (high - low + 1))));
    }

    private void Grow()
    {
        var max = _definition.MaxInterval;
        _interval = _interval.Ticks >= max.Ticks / _definition.Multiplier
            ? max
            : TimeSpan.FromTicks((long)(_interval.Ticks * _definition.Multiplier));
    }
}
