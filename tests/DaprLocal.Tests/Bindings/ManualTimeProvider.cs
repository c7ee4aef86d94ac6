using System.Threading.Channels;

namespace Ecommerce.DaprLocal.Tests.Bindings;

/// <summary>
/// A clock that moves only when told to, firing the timers that fall due on the way, each at its due
/// time. <see cref="WaitForTimerAsync"/> lets a test wait until the code under test has armed its next timer.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start, TimeZoneInfo? localZone = null) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly Channel<bool> _armed = Channel.CreateUnbounded<bool>();
    private DateTimeOffset _now = start;

    public override TimeZoneInfo LocalTimeZone => localZone ?? TimeZoneInfo.Utc;

    /// <summary>When the earliest armed timer falls due.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _timers.Where(timer => timer.Due is not null).Min(timer => timer.Due);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Waits (at most 5 s) until a timer has been armed since the last wait.</summary>
    public async Task WaitForTimerAsync()
    {
        await _armed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }

    public void Advance(TimeSpan by) => AdvanceTo(GetUtcNow() + by);

    public void AdvanceTo(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(timer => timer.Due <= target).MinBy(timer => timer.Due);
                if (due is null)
                {
                    _now = target > _now ? target : _now;
                    return;
                }
                _now = due.Due!.Value > _now ? due.Due.Value : _now;
                due.Due = due.Period == Timeout.InfiniteTimeSpan ? null : _now + due.Period;
            }
            // Outside the lock: the callback may read the clock and arm timers.
            due.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan Period { get; private set; } = Timeout.InfiniteTimeSpan;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                Period = period;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                if (!clock._timers.Contains(this))
                {
                    clock._timers.Add(this);
                }
            }
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                clock._armed.Writer.TryWrite(true);
            }
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
