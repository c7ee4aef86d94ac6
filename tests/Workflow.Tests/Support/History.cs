using Ecommerce.Workflow.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace Ecommerce.Workflow.Tests.Support;

/// <summary>Hand-written history events, shaped as the sidecar records them (eventId = action id, -1 for arrivals).</summary>
internal static class History
{
    public static readonly DateTime T0 = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    public static HistoryEvent WorkflowStarted(DateTime at) =>
        new() { EventId = -1, Timestamp = Timestamp.FromDateTime(at), WorkflowStarted = new WorkflowStartedEvent() };

    public static HistoryEvent ExecutionStarted(string name, string? inputJson = null, DateTime? at = null) =>
        new()
        {
            EventId = -1,
            Timestamp = Timestamp.FromDateTime(at ?? T0),
            ExecutionStarted = new ExecutionStartedEvent
            {
                Name = name,
                Input = inputJson,
                WorkflowInstance = new WorkflowInstance { InstanceId = "instance-1" },
            },
        };

    public static HistoryEvent TaskScheduled(int id, string name) =>
        new() { EventId = id, Timestamp = Timestamp.FromDateTime(T0), TaskScheduled = new TaskScheduledEvent { Name = name } };

    public static HistoryEvent TaskCompleted(int id, string? resultJson) =>
        new() { EventId = -1, Timestamp = Timestamp.FromDateTime(T0), TaskCompleted = new TaskCompletedEvent { TaskScheduledId = id, Result = resultJson } };

    public static HistoryEvent TaskFailed(int id, string errorType, string message) =>
        new()
        {
            EventId = -1,
            Timestamp = Timestamp.FromDateTime(T0),
            TaskFailed = new TaskFailedEvent
            {
                TaskScheduledId = id,
                FailureDetails = new TaskFailureDetails { ErrorType = errorType, ErrorMessage = message },
            },
        };

    public static HistoryEvent TimerCreated(int id, DateTime fireAt) =>
        new() { EventId = id, Timestamp = Timestamp.FromDateTime(T0), TimerCreated = new TimerCreatedEvent { FireAt = Timestamp.FromDateTime(fireAt) } };

    public static HistoryEvent TimerFired(int id, DateTime fireAt) =>
        new() { EventId = -1, Timestamp = Timestamp.FromDateTime(fireAt), TimerFired = new TimerFiredEvent { TimerId = id, FireAt = Timestamp.FromDateTime(fireAt) } };

    public static HistoryEvent EventRaised(string name, string? inputJson) =>
        new() { EventId = -1, Timestamp = Timestamp.FromDateTime(T0), EventRaised = new EventRaisedEvent { Name = name, Input = inputJson } };

    public static HistoryEvent EventSent(int id, string instanceId, string name) =>
        new() { EventId = id, Timestamp = Timestamp.FromDateTime(T0), EventSent = new EventSentEvent { InstanceId = instanceId, Name = name } };

    public static HistoryEvent ChildCreated(int id, string name, string instanceId) =>
        new()
        {
            EventId = id,
            Timestamp = Timestamp.FromDateTime(T0),
            ChildWorkflowInstanceCreated = new ChildWorkflowInstanceCreatedEvent { Name = name, InstanceId = instanceId },
        };

    public static HistoryEvent ChildCompleted(int id, string? resultJson) =>
        new()
        {
            EventId = -1,
            Timestamp = Timestamp.FromDateTime(T0),
            ChildWorkflowInstanceCompleted = new ChildWorkflowInstanceCompletedEvent { TaskScheduledId = id, Result = resultJson },
        };

    public static HistoryEvent ChildFailed(int id, string errorType, string message) =>
        new()
        {
            EventId = -1,
            Timestamp = Timestamp.FromDateTime(T0),
            ChildWorkflowInstanceFailed = new ChildWorkflowInstanceFailedEvent
            {
                TaskScheduledId = id,
                FailureDetails = new TaskFailureDetails { ErrorType = errorType, ErrorMessage = message },
            },
        };

    public static HistoryEvent Terminated(string? outputJson) =>
        new() { EventId = -1, Timestamp = Timestamp.FromDateTime(T0), ExecutionTerminated = new ExecutionTerminatedEvent { Input = outputJson } };

    public static HistoryEvent Suspended() =>
        new() { EventId = -1, Timestamp = Timestamp.FromDateTime(T0), ExecutionSuspended = new ExecutionSuspendedEvent() };

    public static HistoryEvent Resumed() =>
        new() { EventId = -1, Timestamp = Timestamp.FromDateTime(T0), ExecutionResumed = new ExecutionResumedEvent() };
}
