namespace Ecommerce.DaprLocal.Actors;

/// <summary>
/// daprd's turn-based concurrency for one actor id: one call at a time, in arrival order. A call
/// that carries the reentrancy id of the call holding the turn joins it instead of waiting (when
/// the app enabled reentrancy), up to the maximum stack depth.
/// </summary>
public sealed class ActorTurnLock
{
    private readonly Lock _gate = new();
    private readonly Queue<(TaskCompletionSource Granted, string? ReentrancyId)> _waiting = new();
    private string? _holder;
    private int _depth;
    private bool _held;

    /// <summary>Waits for the turn; the result ends it when disposed.</summary>
    public async Task<IDisposable> EnterAsync(string? reentrancyId, int maxStackDepth, CancellationToken cancellationToken)
    {
        TaskCompletionSource granted;
        lock (_gate)
        {
            if (!_held)
            {
                _held = true;
                _holder = reentrancyId;
                _depth = 1;
                return new Turn(this);
            }
            if (reentrancyId is not null && reentrancyId == _holder)
            {
                if (_depth >= maxStackDepth)
                {
                    throw new ActorStackDepthException();
                }
                _depth++;
                return new Turn(this);
            }
            granted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((granted, reentrancyId));
        }
        await using (cancellationToken.Register(() => granted.TrySetCanceled(cancellationToken)))
        {
            try
            {
                await granted.Task;
            }
            catch (OperationCanceledException)
            {
                // Granted and cancelled at once: hand the turn on rather than keep it.
                if (granted.Task.IsCompletedSuccessfully)
                {
                    Exit();
                }
                throw;
            }
        }
        return new Turn(this);
    }

    private void Exit()
    {
        lock (_gate)
        {
            if (--_depth > 0)
            {
                return;
            }
            while (_waiting.TryDequeue(out var next))
            {
                if (next.Granted.TrySetResult())
                {
                    _holder = next.ReentrancyId;
                    _depth = 1;
                    return;
                }
            }
            _held = false;
            _holder = null;
        }
    }

    private sealed class Turn(ActorTurnLock owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Exit();
            }
        }
    }
}

/// <summary>A reentrant call chain went deeper than the app's <c>maxStackDepth</c>.</summary>
public sealed class ActorStackDepthException() : Exception("maximum stack depth exceeded");
