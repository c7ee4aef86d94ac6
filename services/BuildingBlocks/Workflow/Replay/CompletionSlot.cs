using Ecommerce.Workflow.Protocol;

namespace Dapr.Workflow.Replay;

/// <summary>
/// The task workflow code awaits for one scheduled action (activity, timer, child workflow), completed
/// when the history event that answers it (by sequence id) is replayed.
/// </summary>
internal interface ICompletionSlot
{
    /// <summary>Completes the task from its answering event (TaskCompleted/Failed, TimerFired, ChildWorkflowInstance*).</summary>
    void Deliver(HistoryEvent answer);

    /// <summary>Cancels the wait (a cancelled timer); the late answer is ignored.</summary>
    void Cancel();
}

/// <inheritdoc cref="ICompletionSlot"/>
/// <typeparam name="T">The type the JSON result is deserialized into.</typeparam>
internal sealed class CompletionSlot<T> : ICompletionSlot
{
    // Continuations must run inline on the replay thread (see WorkflowSynchronizationContext),
    // so no RunContinuationsAsynchronously here.
    private readonly TaskCompletionSource<T> _completion = new();

    public Task<T> Task => _completion.Task;

    public void Deliver(HistoryEvent answer)
    {
        switch (answer.EventTypeCase)
        {
            case HistoryEvent.EventTypeOneofCase.TaskCompleted:
                SetResult(answer.TaskCompleted.Result);
                break;
            case HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceCompleted:
                SetResult(answer.ChildWorkflowInstanceCompleted.Result);
                break;
            case HistoryEvent.EventTypeOneofCase.TimerFired:
                _completion.TrySetResult(default!);
                break;
            case HistoryEvent.EventTypeOneofCase.TaskFailed:
                SetFailure(answer.TaskFailed.FailureDetails, "activity");
                break;
            case HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceFailed:
                SetFailure(answer.ChildWorkflowInstanceFailed.FailureDetails, "child workflow");
                break;
            default:
                throw new NonDeterministicWorkflowException(
                    $"History event {answer.EventTypeCase} cannot answer the task scheduled with id {answer.EventId}.");
        }
    }

    public void Cancel() => _completion.TrySetCanceled();

    private void SetResult(string? json)
    {
        try
        {
            _completion.TrySetResult(WorkflowJson.Deserialize<T>(json)!);
        }
        catch (System.Text.Json.JsonException exception)
        {
            _completion.TrySetException(exception);
        }
    }

    private void SetFailure(TaskFailureDetails? details, string what)
    {
        var failure = (details ?? new TaskFailureDetails()).ToFailureDetails();
        _completion.TrySetException(new WorkflowTaskFailedException($"The {what} failed: {failure}", failure));
    }
}
