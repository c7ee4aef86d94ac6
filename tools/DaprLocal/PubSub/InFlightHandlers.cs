namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// Counts handlers a push-style consumer (the broker calls us) is running, so that stopping can
/// refuse new ones at once and then wait for the running ones to finish.
/// </summary>
internal sealed class InFlightHandlers
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private bool _closed;

    /// <summary>False once <see cref="CloseAndDrainAsync"/> was called: the handler must not run.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return false;
            }
            _running++;
            return true;
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            _running--;
            if (_closed && _running == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Refuses every later <see cref="TryEnter"/>; completes when the running handlers have exited.</summary>
    public Task CloseAndDrainAsync()
    {
        lock (_lock)
        {
            _closed = true;
            if (_running == 0)
            {
                _drained.TrySetResult();
            }
            return _drained.Task;
        }
    }
}
