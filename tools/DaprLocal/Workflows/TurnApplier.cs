using System.Globalization;
using Ecommerce.Workflow.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// Turns a worker's <see cref="WorkflowResponse"/> into history events and side effects the way
/// durabletask-go's applier does (protocol note §3.1 step 4): one event per action with
/// <c>eventId = action.id</c> (ids are the worker's, used verbatim — durabletask-js starts at 1,
/// .NET at 0 and may send its completion with id 0 again), only the first completion counts,
/// and a turn that delivered <c>ExecutionTerminated</c> ends the instance even if the worker did not.
/// </summary>
public static class TurnApplier
{
    public static TurnOutcome Apply(WorkflowInstanceState instance, ActiveTurn turn, WorkflowResponse response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(response);
        var started = instance.History.Concat(turn.NewEvents).Started()
            ?? throw new InvalidOperationException($"workflow '{instance.InstanceId}' has no ExecutionStarted event");
        var self = new WorkflowInstance { InstanceId = instance.InstanceId, ExecutionId = started.WorkflowInstance?.ExecutionId };
        var appended = new List<HistoryEvent>();
        var effects = new List<WorkflowSideEffect>();
        HistoryEvent? completion = null;

        foreach (var action in response.Actions)
        {
            if (completion is not null)
            {
                break;
            }
            var recorded = WorkflowHistory.NewEvent(now, action.Id);
            switch (action.WorkflowActionTypeCase)
            {
                case WorkflowAction.WorkflowActionTypeOneofCase.ScheduleTask:
                    var task = action.ScheduleTask;
                    recorded.TaskScheduled = new TaskScheduledEvent { Name = task.Name, Version = task.Version, Input = task.Input, TaskExecutionId = task.TaskExecutionId };
                    effects.Add(new WorkflowSideEffect.RunActivity(new ActivityRequest
                    {
                        Name = task.Name,
                        Version = task.Version,
                        Input = task.Input,
                        WorkflowInstance = self.Clone(),
                        TaskId = action.Id,
                        TaskExecutionId = task.TaskExecutionId,
                    }));
                    break;
                case WorkflowAction.WorkflowActionTypeOneofCase.CreateTimer:
                    var timer = action.CreateTimer;
                    recorded.TimerCreated = new TimerCreatedEvent { FireAt = timer.FireAt };
                    if (timer.HasName)
                    {
                        recorded.TimerCreated.Name = timer.Name;
                    }
                    effects.Add(new WorkflowSideEffect.ArmTimer(action.Id, (timer.FireAt ?? Timestamp.FromDateTimeOffset(now)).ToDateTimeOffset()));
                    break;
                case WorkflowAction.WorkflowActionTypeOneofCase.CreateChildWorkflow:
                    var child = action.CreateChildWorkflow;
                    // durabletask-go's rule for a child without an id: the parent's id and the action id.
                    var childId = child.InstanceId is { Length: > 0 } given
                        ? given
                        : $"{instance.InstanceId}:{action.Id.ToString("x4", CultureInfo.InvariantCulture)}";
                    recorded.ChildWorkflowInstanceCreated = new ChildWorkflowInstanceCreatedEvent { InstanceId = childId, Name = child.Name, Version = child.Version, Input = child.Input };
                    var childStarted = WorkflowHistory.NewEvent(now);
                    childStarted.ExecutionStarted = new ExecutionStartedEvent
                    {
                        Name = child.Name,
                        Version = child.Version,
                        Input = child.Input,
                        WorkflowInstance = new WorkflowInstance { InstanceId = childId, ExecutionId = Guid.NewGuid().ToString("N") },
                        ParentInstance = new ParentInstanceInfo { TaskScheduledId = action.Id, Name = started.Name, Version = started.Version, WorkflowInstance = self.Clone() },
                    };
                    effects.Add(new WorkflowSideEffect.StartChild(childId, childStarted));
                    break;
                case WorkflowAction.WorkflowActionTypeOneofCase.SendEvent:
                    var send = action.SendEvent;
                    var targetId = send.Instance?.InstanceId ?? "";
                    recorded.EventSent = new EventSentEvent { InstanceId = targetId, Name = send.Name, Input = send.Data };
                    var raised = WorkflowHistory.NewEvent(now);
                    raised.EventRaised = new EventRaisedEvent { Name = send.Name, Input = send.Data };
                    effects.Add(new WorkflowSideEffect.Deliver(targetId, raised));
                    break;
                case WorkflowAction.WorkflowActionTypeOneofCase.TerminateWorkflow:
                    // No history event of its own: the target's inbox gets the termination.
                    var terminate = action.TerminateWorkflow;
                    var terminated = WorkflowHistory.NewEvent(now);
                    terminated.ExecutionTerminated = new ExecutionTerminatedEvent { Input = terminate.Reason, Recurse = terminate.Recurse };
                    effects.Add(new WorkflowSideEffect.Deliver(terminate.InstanceId, terminated));
                    continue;
                case WorkflowAction.WorkflowActionTypeOneofCase.CompleteWorkflow:
                    var complete = action.CompleteWorkflow;
                    if (complete.WorkflowStatus == OrchestrationStatus.ContinuedAsNew)
                    {
                        return ContinueAsNew(instance, started, complete, effects, now);
                    }
                    recorded.ExecutionCompleted = new ExecutionCompletedEvent { WorkflowStatus = complete.WorkflowStatus, Result = complete.Result, FailureDetails = complete.FailureDetails };
                    completion = recorded;
                    break;
                default:
                    // An action this engine does not know (a newer protocol): recorded as nothing, like an unknown field.
                    continue;
            }
            appended.Add(recorded);
        }

        var termination = turn.NewEvents.LastOrDefault(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.ExecutionTerminated);
        if (termination is not null && completion is null)
        {
            completion = WorkflowHistory.NewEvent(now);
            completion.ExecutionCompleted = new ExecutionCompletedEvent { WorkflowStatus = OrchestrationStatus.Terminated, Result = termination.ExecutionTerminated.Input };
            appended.Add(completion);
        }
        if (termination is { ExecutionTerminated.Recurse: true })
        {
            TerminateChildren(instance, turn, appended, termination.ExecutionTerminated, effects, now);
        }
        if (completion is not null && started.ParentInstance is { } parent)
        {
            effects.Add(new WorkflowSideEffect.Deliver(parent.WorkflowInstance?.InstanceId ?? "", ChildResult(parent.TaskScheduledId, completion.ExecutionCompleted, now)));
        }
        return new TurnOutcome(appended, null, effects);
    }

    /// <summary>The history starts over with a new execution; the next turn runs at once (protocol note §3.1, continue-as-new row).</summary>
    private static TurnOutcome ContinueAsNew(
        WorkflowInstanceState instance, ExecutionStartedEvent started, CompleteWorkflowAction complete, List<WorkflowSideEffect> effects, DateTimeOffset now)
    {
        var restarted = WorkflowHistory.NewEvent(now);
        restarted.ExecutionStarted = started.Clone();
        restarted.ExecutionStarted.Input = complete.Result;
        restarted.ExecutionStarted.WorkflowInstance = new WorkflowInstance { InstanceId = instance.InstanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        restarted.ExecutionStarted.ScheduledStartTimestamp = null;
        // Activities, timers and children of the old execution would only answer into the new one: dropped.
        var kept = effects.Where(e => e is WorkflowSideEffect.Deliver).ToList();
        return new TurnOutcome([], [restarted, .. complete.CarryoverEvents], kept);
    }

    private static void TerminateChildren(
        WorkflowInstanceState instance, ActiveTurn turn, List<HistoryEvent> appended, ExecutionTerminatedEvent termination, List<WorkflowSideEffect> effects, DateTimeOffset now)
    {
        var history = instance.History.Concat(turn.NewEvents).Concat(appended).ToList();
        foreach (var child in WorkflowHistory.ChildrenWithoutResult(history, []))
        {
            var terminated = WorkflowHistory.NewEvent(now);
            terminated.ExecutionTerminated = new ExecutionTerminatedEvent { Input = termination.Input, Recurse = true };
            effects.Add(new WorkflowSideEffect.Deliver(child.ChildWorkflowInstanceCreated.InstanceId, terminated));
        }
    }

    /// <summary>What a parent learns when its child ends: failure details make it a failure, anything else a result.</summary>
    public static HistoryEvent ChildResult(int taskScheduledId, ExecutionCompletedEvent completed, DateTimeOffset now)
    {
        var result = WorkflowHistory.NewEvent(now);
        if (completed.FailureDetails is not null)
        {
            result.ChildWorkflowInstanceFailed = new ChildWorkflowInstanceFailedEvent { TaskScheduledId = taskScheduledId, FailureDetails = completed.FailureDetails };
        }
        else
        {
            result.ChildWorkflowInstanceCompleted = new ChildWorkflowInstanceCompletedEvent { TaskScheduledId = taskScheduledId, Result = completed.Result };
        }
        return result;
    }
}
