namespace Dapr.Workflow.Replay;

/// <summary>One pending <see cref="WorkflowContext.WaitForExternalEventAsync{T}(string, CancellationToken)"/> call.</summary>
internal interface IEventWaiter
{
    /// <summary>Done waiting: received its event or was cancelled.</summary>
    bool IsDone { get; }

    void Deliver(string? json);
}

/// <inheritdoc cref="IEventWaiter"/>
/// <typeparam name="T">The type the event payload is deserialized into.</typeparam>
internal sealed class EventWaiter<T> : IEventWaiter
{
    private readonly TaskCompletionSource<T> _received = new();

    public Task<T> Task => _received.Task;

    public bool IsDone => _received.Task.IsCompleted;

    public void Deliver(string? json)
    {
        try
        {
            _received.TrySetResult(WorkflowJson.Deserialize<T>(json)!);
        }
        catch (System.Text.Json.JsonException exception)
        {
            _received.TrySetException(exception);
        }
    }

    public void Cancel() => _received.TrySetCanceled();
}
