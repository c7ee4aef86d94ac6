namespace Dapr.Workflow.Client;

/// <summary>The kinds of history events (names as in the durable-task protocol's older naming).</summary>
public enum WorkflowHistoryEventType
{
    Unknown = 0,
    ExecutionStarted,
    ExecutionCompleted,
    ExecutionTerminated,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    SubOrchestrationInstanceCreated,
    SubOrchestrationInstanceCompleted,
    SubOrchestrationInstanceFailed,
    TimerCreated,
    TimerFired,
    OrchestratorStarted,
    OrchestratorCompleted,
    EventSent,
    EventRaised,
    ContinueAsNew,
    ExecutionSuspended,
    ExecutionResumed,
}
