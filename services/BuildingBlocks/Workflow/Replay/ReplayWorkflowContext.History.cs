using Ecommerce.Workflow.Protocol;

namespace Dapr.Workflow.Replay;

/// <summary>How replayed history events move the context along.</summary>
internal sealed partial class ReplayWorkflowContext
{
    private DateTime _currentUtcDateTime;
    private bool _isReplaying;

    /// <summary>Before the first WorkflowStarted is seen, the clock reads the first event's time.</summary>
    public void SetInitialTime(DateTime utc) => _currentUtcDateTime = utc;

    public void SetReplaying(bool isReplaying) => _isReplaying = isReplaying;

    /// <summary>Keeps an external event that arrived after the workflow finished, for ContinueAsNew's carryover.</summary>
    public void KeepUnconsumed(HistoryEvent raised) => _unconsumedEvents.Add(raised);

    /// <summary>Applies one history event other than the lifecycle ones the executor handles itself.</summary>
    /// <exception cref="NonDeterministicWorkflowException">History contradicts what the code scheduled.</exception>
    public void Apply(HistoryEvent e)
    {
        switch (e.EventTypeCase)
        {
            case HistoryEvent.EventTypeOneofCase.WorkflowStarted:
                _currentUtcDateTime = e.Timestamp.ToUtcDateTime();
                break;

            // The sidecar recorded an action the code created: it is no longer new.
            case HistoryEvent.EventTypeOneofCase.TaskScheduled:
                StrikeOff(e, WorkflowAction.WorkflowActionTypeOneofCase.ScheduleTask, e.TaskScheduled.Name);
                break;
            case HistoryEvent.EventTypeOneofCase.TimerCreated:
                StrikeOff(e, WorkflowAction.WorkflowActionTypeOneofCase.CreateTimer, name: null);
                break;
            case HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceCreated:
                StrikeOff(e, WorkflowAction.WorkflowActionTypeOneofCase.CreateChildWorkflow, e.ChildWorkflowInstanceCreated.Name);
                break;
            case HistoryEvent.EventTypeOneofCase.EventSent:
                StrikeOff(e, WorkflowAction.WorkflowActionTypeOneofCase.SendEvent, e.EventSent.Name);
                break;

            // Answers, routed to the awaiting task by the id of the action they answer.
            case HistoryEvent.EventTypeOneofCase.TaskCompleted:
                Answer(e.TaskCompleted.TaskScheduledId, e);
                break;
            case HistoryEvent.EventTypeOneofCase.TaskFailed:
                Answer(e.TaskFailed.TaskScheduledId, e);
                break;
            case HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceCompleted:
                Answer(e.ChildWorkflowInstanceCompleted.TaskScheduledId, e);
                break;
            case HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceFailed:
                Answer(e.ChildWorkflowInstanceFailed.TaskScheduledId, e);
                break;
            case HistoryEvent.EventTypeOneofCase.TimerFired:
                Answer(e.TimerFired.TimerId, e);
                break;

            case HistoryEvent.EventTypeOneofCase.EventRaised:
                RaiseEvent(e);
                break;

            // Nothing for the code in the rest (WorkflowCompleted, ExecutionCompleted, ContinueAsNew…).
            default:
                break;
        }
    }

    private void StrikeOff(HistoryEvent e, WorkflowAction.WorkflowActionTypeOneofCase expectedKind, string? name)
    {
        if (!_newActions.TryGetValue(e.EventId, out var action))
        {
            throw new NonDeterministicWorkflowException(
                $"History has {e.EventTypeCase} with id {e.EventId}{Named(name)}, but the workflow code did not schedule anything with that id.");
        }

        var actualName = action.WorkflowActionTypeCase switch
        {
            WorkflowAction.WorkflowActionTypeOneofCase.ScheduleTask => action.ScheduleTask.Name,
            WorkflowAction.WorkflowActionTypeOneofCase.CreateChildWorkflow => action.CreateChildWorkflow.Name,
            WorkflowAction.WorkflowActionTypeOneofCase.SendEvent => action.SendEvent.Name,
            _ => null,
        };
        if (action.WorkflowActionTypeCase != expectedKind || !string.Equals(actualName, name, StringComparison.Ordinal))
        {
            throw new NonDeterministicWorkflowException(
                $"History has {e.EventTypeCase} with id {e.EventId}{Named(name)}, but the workflow code now does " +
                $"{action.WorkflowActionTypeCase}{Named(actualName)} at that id.");
        }

        _newActions.Remove(e.EventId);
    }

    private void Answer(int id, HistoryEvent answer)
    {
        if (_openTasks.Remove(id, out var slot))
        {
            slot.Deliver(answer);
        }
        else if (id >= _nextSequenceId)
        {
            _earlyAnswers[id] = answer;
        }

        // Otherwise it answers a wait the code already gave up (a cancelled timer, a timeout's timer).
    }

    private void RaiseEvent(HistoryEvent e)
    {
        if (_eventWaiters.TryGetValue(e.EventRaised.Name, out var queue))
        {
            while (queue.TryDequeue(out var waiter))
            {
                if (!waiter.IsDone)
                {
                    waiter.Deliver(e.EventRaised.Input);
                    return;
                }
            }
        }

        _unconsumedEvents.Add(e);
    }

    private static string Named(string? name) => name is null ? string.Empty : $" ('{name}')";
}
