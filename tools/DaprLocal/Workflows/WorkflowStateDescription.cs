using Ecommerce.Workflow.Protocol;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// The <c>GetInstance</c> answer for an instance (durabletask-go's metadata from the runtime
/// state): payloads only when asked for, <c>exists = false</c> for an unknown id.
/// </summary>
public static class WorkflowStateDescription
{
    public static GetInstanceResponse Describe(WorkflowInstanceState instance, bool includePayloads)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!instance.Exists || instance.StartedEvent is not { } startedEvent)
        {
            return new GetInstanceResponse { Exists = false };
        }
        var started = startedEvent.ExecutionStarted;
        var completed = instance.History.CompletedEvent();
        var state = new WorkflowState
        {
            InstanceId = instance.InstanceId,
            Name = started.Name,
            Version = started.Version,
            WorkflowStatus = instance.Status,
            ScheduledStartTimestamp = started.ScheduledStartTimestamp,
            CreatedTimestamp = startedEvent.Timestamp,
            LastUpdatedTimestamp = (instance.History.Count > 0 ? instance.History[^1] : startedEvent).Timestamp,
            ExecutionId = started.WorkflowInstance?.ExecutionId,
            CompletedTimestamp = completed?.Timestamp,
            ParentInstanceId = started.ParentInstance?.WorkflowInstance?.InstanceId,
        };
        state.Tags.Add(started.Tags);
        if (includePayloads)
        {
            state.Input = started.Input;
            state.Output = completed?.ExecutionCompleted.Result;
            state.CustomStatus = instance.CustomStatus;
            state.FailureDetails = completed?.ExecutionCompleted.FailureDetails;
        }
        return new GetInstanceResponse { Exists = true, WorkflowState = state };
    }
}
