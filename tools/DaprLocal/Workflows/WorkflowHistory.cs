using Ecommerce.Workflow.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>Questions asked of a history (protocol note §3.1 step 5: the status is derived from it).</summary>
public static class WorkflowHistory
{
    public static HistoryEvent NewEvent(DateTimeOffset now, int eventId = -1) =>
        new() { EventId = eventId, Timestamp = Timestamp.FromDateTimeOffset(now) };

    public static ExecutionStartedEvent? Started(this IEnumerable<HistoryEvent> events) =>
        events.FirstOrDefault(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.ExecutionStarted)?.ExecutionStarted;

    public static HistoryEvent? CompletedEvent(this IReadOnlyList<HistoryEvent> history)
    {
        // ExecutionCompleted is the last thing a history gets: nothing is appended after it.
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].EventTypeCase == HistoryEvent.EventTypeOneofCase.ExecutionCompleted)
            {
                return history[i];
            }
        }
        return null;
    }

    /// <summary>The last of suspended/resumed decides (a fresh instance is not suspended).</summary>
    public static bool IsSuspended(this IEnumerable<HistoryEvent> history) =>
        history.LastOrDefault(e => e.EventTypeCase is HistoryEvent.EventTypeOneofCase.ExecutionSuspended or HistoryEvent.EventTypeOneofCase.ExecutionResumed)
            ?.EventTypeCase == HistoryEvent.EventTypeOneofCase.ExecutionSuspended;

    public static bool IsTerminal(OrchestrationStatus status) => status is
        OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;

    /// <summary>Activities scheduled whose result is in neither the history nor the events still to come.</summary>
    public static IEnumerable<HistoryEvent> ActivitiesWithoutResult(IReadOnlyList<HistoryEvent> history, IEnumerable<HistoryEvent> pending)
    {
        var done = history.Concat(pending)
            .Select(e => e.EventTypeCase switch
            {
                HistoryEvent.EventTypeOneofCase.TaskCompleted => e.TaskCompleted.TaskScheduledId,
                HistoryEvent.EventTypeOneofCase.TaskFailed => e.TaskFailed.TaskScheduledId,
                _ => (int?)null,
            })
            .OfType<int>()
            .ToHashSet();
        return history.Where(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.TaskScheduled && !done.Contains(e.EventId));
    }

    /// <summary>Timers created that have not fired yet.</summary>
    public static IEnumerable<HistoryEvent> TimersNotFired(IReadOnlyList<HistoryEvent> history, IEnumerable<HistoryEvent> pending)
    {
        var fired = history.Concat(pending)
            .Where(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.TimerFired)
            .Select(e => e.TimerFired.TimerId)
            .ToHashSet();
        return history.Where(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.TimerCreated && !fired.Contains(e.EventId));
    }

    /// <summary>Child workflows created whose completion or failure has not arrived.</summary>
    public static IEnumerable<HistoryEvent> ChildrenWithoutResult(IReadOnlyList<HistoryEvent> history, IEnumerable<HistoryEvent> pending)
    {
        var done = history.Concat(pending)
            .Select(e => e.EventTypeCase switch
            {
                HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceCompleted => e.ChildWorkflowInstanceCompleted.TaskScheduledId,
                HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceFailed => e.ChildWorkflowInstanceFailed.TaskScheduledId,
                _ => (int?)null,
            })
            .OfType<int>()
            .ToHashSet();
        return history.Where(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceCreated && !done.Contains(e.EventId));
    }
}
