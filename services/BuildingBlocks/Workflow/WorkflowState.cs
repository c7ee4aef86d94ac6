using Ecommerce.Workflow.Protocol;

namespace Dapr.Workflow;

/// <summary>A snapshot of a workflow instance as the sidecar reported it.</summary>
public sealed class WorkflowState
{
    private readonly Ecommerce.Workflow.Protocol.WorkflowState? _state;

    internal WorkflowState(GetInstanceResponse response)
    {
        _state = response.Exists ? response.WorkflowState : null;
    }

    /// <summary>Whether the instance exists; every other member is empty when it does not.</summary>
    public bool Exists => _state is not null;

    public string WorkflowName => _state?.Name ?? string.Empty;

    public bool IsWorkflowRunning => RuntimeStatus == WorkflowRuntimeStatus.Running;

    /// <summary>Completed, failed or terminated: the instance will not run again.</summary>
    public bool IsWorkflowCompleted => RuntimeStatus is WorkflowRuntimeStatus.Completed
        or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;

    public DateTimeOffset CreatedAt => _state?.CreatedTimestamp?.ToDateTimeOffset() ?? default;

    public DateTimeOffset LastUpdatedAt => _state?.LastUpdatedTimestamp?.ToDateTimeOffset() ?? default;

    public WorkflowRuntimeStatus RuntimeStatus =>
        _state is null ? WorkflowRuntimeStatus.Unknown
        : Enum.IsDefined((WorkflowRuntimeStatus)_state.WorkflowStatus) ? (WorkflowRuntimeStatus)_state.WorkflowStatus
        : WorkflowRuntimeStatus.Unknown;

    /// <summary>Why the instance failed; <c>null</c> unless it failed and inputs and outputs were asked for.</summary>
    public WorkflowTaskFailureDetails? FailureDetails => _state?.FailureDetails?.ToFailureDetails();

    /// <summary>The input, deserialized; needs <c>getInputsAndOutputs</c> when the state was read.</summary>
    public T? ReadInputAs<T>() => WorkflowJson.Deserialize<T>(_state?.Input);

    /// <summary>The output, deserialized; needs <c>getInputsAndOutputs</c> when the state was read.</summary>
    public T? ReadOutputAs<T>() => WorkflowJson.Deserialize<T>(_state?.Output);

    /// <summary>The last custom status the workflow set, deserialized.</summary>
    public T? ReadCustomStatusAs<T>() => WorkflowJson.Deserialize<T>(_state?.CustomStatus);
}
