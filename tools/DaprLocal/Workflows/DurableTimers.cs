namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// Calls back at a point in time: workflow timers (<c>TimerFired</c>) and delayed starts. One
/// loop waits for the earliest due entry; entries are in memory only, because the engine re-arms
/// them from the history (<c>TimerCreated</c> without <c>TimerFired</c>) when a sidecar starts,
/// and an overdue one fires at once.
/// </summary>
public sealed class DurableTimers : IAsyncDisposable
{
    private readonly PriorityQueue<Func<Task>, DateTimeOffset> _due = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<Exception, Task> _onError;
    private readonly Task _loop;

    public DurableTimers(Func<Exception, Task> onError)
    {
        _onError = onError;
        _loop = RunAsync(_stopping.Token);
    }

    public void Schedule(DateTimeOffset at, Func<Task> callback)
    {
        lock (_due)
        {
            _due.Enqueue(callback, at);
        }
        _wake.Release();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Func<Task>? callback = null;
            var wait = Timeout.InfiniteTimeSpan;
            lock (_due)
            {
                if (_due.TryPeek(out var next, out var at))
                {
                    var delay = at - DateTimeOffset.UtcNow;
                    if (delay <= TimeSpan.Zero)
                    {
                        callback = _due.Dequeue();
                    }
                    else
                    {
                        wait = delay > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : delay;
                    }
                }
            }
            if (callback is not null)
            {
                // Not awaited: a slow delivery (a state store round trip) must not hold up other timers.
                _ = FireAsync(callback);
                continue;
            }
            try
            {
                await _wake.WaitAsync(wait, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task FireAsync(Func<Task> callback)
    {
        try
        {
            await callback();
        }
        catch (Exception error)
        {
            await _onError(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
        _wake.Dispose();
    }
}
