namespace Dapr.Workflow.Replay;

/// <summary>
/// Keeps workflow code on the one thread that replays its history. Continuations of awaited workflow tasks
/// are captured by this context; the executor runs whatever was posted after each history event, so the
/// code advances exactly in step with the events and never in parallel with them.
/// </summary>
/// <remarks>
/// Something posted from another thread (the continuation of a forbidden <c>Task.Delay</c>, say) only runs
/// if it arrives while the turn is still pumping; after the turn it is never run. That is why workflow code
/// must not await anything but workflow tasks.
/// </remarks>
internal sealed class WorkflowSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _posted = new();
    private readonly Lock _lock = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_lock)
        {
            _posted.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Workflow code cannot block on its own thread.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs posted continuations, including those they post in turn, until none is left.</summary>
    public void RunPosted()
    {
        while (TryDequeue(out var work))
        {
            work.Callback(work.State);
        }
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) work)
    {
        lock (_lock)
        {
            return _posted.TryDequeue(out work);
        }
    }
}
