namespace Dapr.Workflow;

/// <summary>The state of a workflow instance; numbers are the protocol's OrchestrationStatus values.</summary>
public enum WorkflowRuntimeStatus
{
    /// <summary>The sidecar reported a status this SDK does not know.</summary>
    Unknown = -1,
    Running = 0,
    Completed = 1,
    ContinuedAsNew = 2,
    Failed = 3,
    Canceled = 4,
    Terminated = 5,
    Pending = 6,
    Suspended = 7,
    /// <summary>Stopped by the runtime until an operator fixes it (version mismatch, payload too large).</summary>
    Stalled = 8,
}
