using Dapr.Workflow.Client;
using Ecommerce.Workflow.Protocol;

namespace Dapr.Workflow;

/// <summary>Starts, inspects and steers workflow instances through the Dapr sidecar.</summary>
public sealed class DaprWorkflowClient : IAsyncDisposable
{
    private readonly TaskHubSidecarService.TaskHubSidecarServiceClient _sidecar;

    internal DaprWorkflowClient(TaskHubSidecarService.TaskHubSidecarServiceClient sidecar)
    {
        _sidecar = sidecar;
    }

    /// <summary>Starts a new instance of a registered workflow.</summary>
    /// <param name="name">The workflow's registered name.</param>
    /// <param name="instanceId">The instance id; a new GUID when omitted.</param>
    /// <param name="input">The JSON-serializable input.</param>
    /// <param name="startTime">When to start (UTC); now when omitted.</param>
    /// <param name="cancellation">Cancels the call.</param>
    /// <returns>The instance id.</returns>
    public async Task<string> ScheduleNewWorkflowAsync(
        string name,
        string? instanceId = null,
        object? input = null,
        DateTime? startTime = null,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var request = new CreateInstanceRequest
        {
            Name = name,
            InstanceId = instanceId ?? Guid.NewGuid().ToString(),
            Input = input.ToJsonPayload(),
            ScheduledStartTimestamp = startTime?.ToTimestamp(),
        };
        var response = await _sidecar.StartInstanceAsync(request, cancellationToken: cancellation);
        return response.InstanceId;
    }

    /// <summary>The instance's current state; <see cref="WorkflowState.Exists"/> is false for an unknown id.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="getInputsAndOutputs">Also fetch input, output, custom status and failure details.</param>
    /// <param name="cancellation">Cancels the call.</param>
    public async Task<WorkflowState> GetWorkflowStateAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellation = default) =>
        new(await _sidecar.GetInstanceAsync(StateRequest(instanceId, getInputsAndOutputs), cancellationToken: cancellation));

    /// <summary>Waits until the instance has started running (or has already ended).</summary>
    public async Task<WorkflowState> WaitForWorkflowStartAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellation = default) =>
        new(await _sidecar.WaitForInstanceStartAsync(StateRequest(instanceId, getInputsAndOutputs), cancellationToken: cancellation));

    /// <summary>Waits until the instance has completed, failed or been terminated.</summary>
    public async Task<WorkflowState> WaitForWorkflowCompletionAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellation = default) =>
        new(await _sidecar.WaitForInstanceCompletionAsync(StateRequest(instanceId, getInputsAndOutputs), cancellationToken: cancellation));

    /// <summary>Delivers an external event to the instance (names are case-insensitive).</summary>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        await _sidecar.RaiseEventAsync(
            new RaiseEventRequest { InstanceId = instanceId, Name = eventName, Input = eventPayload.ToJsonPayload() },
            cancellationToken: cancellation);

    /// <summary>Ends the instance now with status Terminated and <paramref name="output"/> as its output.</summary>
    public async Task TerminateWorkflowAsync(string instanceId, object? output = null, CancellationToken cancellation = default) =>
        await _sidecar.TerminateInstanceAsync(
            new TerminateRequest { InstanceId = instanceId, Output = output.ToJsonPayload(), Recursive = true },
            cancellationToken: cancellation);

    /// <summary>Pauses the instance: events are kept but not processed until it is resumed.</summary>
    public async Task SuspendWorkflowAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        await _sidecar.SuspendInstanceAsync(new SuspendRequest { InstanceId = instanceId, Reason = reason }, cancellationToken: cancellation);

    /// <summary>Resumes a suspended instance.</summary>
    public async Task ResumeWorkflowAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        await _sidecar.ResumeInstanceAsync(new ResumeRequest { InstanceId = instanceId, Reason = reason }, cancellationToken: cancellation);

    /// <summary>Deletes an ended instance and its history.</summary>
    /// <returns>Whether an instance was deleted.</returns>
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        var response = await _sidecar.PurgeInstancesAsync(
            new PurgeInstancesRequest { InstanceId = instanceId, Recursive = true },
            cancellationToken: cancellation);
        return response.DeletedInstanceCount > 0;
    }

    /// <summary>Lists instance ids a page at a time (Dapr 1.17+ sidecars).</summary>
    public async Task<WorkflowInstancePage> ListInstanceIdsAsync(string? continuationToken = null, int? pageSize = null, CancellationToken cancellation = default)
    {
        var request = new ListInstanceIDsRequest();
        if (continuationToken is not null)
        {
            request.ContinuationToken = continuationToken;
        }

        if (pageSize is { } size)
        {
            request.PageSize = (uint)size;
        }

        var response = await _sidecar.ListInstanceIDsAsync(request, cancellationToken: cancellation);
        return new WorkflowInstancePage(response.InstanceIds, response.HasContinuationToken ? response.ContinuationToken : null);
    }

    /// <summary>The instance's recorded history (Dapr 1.17+ sidecars).</summary>
    public async Task<IReadOnlyList<WorkflowHistoryEvent>> GetInstanceHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        var response = await _sidecar.GetInstanceHistoryAsync(new GetInstanceHistoryRequest { InstanceId = instanceId }, cancellationToken: cancellation);
        return response.Events
            .Select(e => new WorkflowHistoryEvent(e.EventId, KindOf(e.EventTypeCase), e.Timestamp.ToUtcDateTime()))
            .ToList();
    }

    /// <summary>Nothing to release: the channel is shared by the whole process and owned by the container.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static GetInstanceRequest StateRequest(string instanceId, bool getInputsAndOutputs) =>
        new() { InstanceId = instanceId, GetInputsAndOutputs = getInputsAndOutputs };

    private static WorkflowHistoryEventType KindOf(HistoryEvent.EventTypeOneofCase kind) => kind switch
    {
        HistoryEvent.EventTypeOneofCase.ExecutionStarted => WorkflowHistoryEventType.ExecutionStarted,
        HistoryEvent.EventTypeOneofCase.ExecutionCompleted => WorkflowHistoryEventType.ExecutionCompleted,
        HistoryEvent.EventTypeOneofCase.ExecutionTerminated => WorkflowHistoryEventType.ExecutionTerminated,
        HistoryEvent.EventTypeOneofCase.TaskScheduled => WorkflowHistoryEventType.TaskScheduled,
        HistoryEvent.EventTypeOneofCase.TaskCompleted => WorkflowHistoryEventType.TaskCompleted,
        HistoryEvent.EventTypeOneofCase.TaskFailed => WorkflowHistoryEventType.TaskFailed,
        HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceCreated => WorkflowHistoryEventType.SubOrchestrationInstanceCreated,
        HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceCompleted => WorkflowHistoryEventType.SubOrchestrationInstanceCompleted,
        HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceFailed => WorkflowHistoryEventType.SubOrchestrationInstanceFailed,
        HistoryEvent.EventTypeOneofCase.TimerCreated => WorkflowHistoryEventType.TimerCreated,
        HistoryEvent.EventTypeOneofCase.TimerFired => WorkflowHistoryEventType.TimerFired,
        HistoryEvent.EventTypeOneofCase.WorkflowStarted => WorkflowHistoryEventType.OrchestratorStarted,
        HistoryEvent.EventTypeOneofCase.WorkflowCompleted => WorkflowHistoryEventType.OrchestratorCompleted,
        HistoryEvent.EventTypeOneofCase.EventSent => WorkflowHistoryEventType.EventSent,
        HistoryEvent.EventTypeOneofCase.EventRaised => WorkflowHistoryEventType.EventRaised,
        HistoryEvent.EventTypeOneofCase.ContinueAsNew => WorkflowHistoryEventType.ContinueAsNew,
        HistoryEvent.EventTypeOneofCase.ExecutionSuspended => WorkflowHistoryEventType.ExecutionSuspended,
        HistoryEvent.EventTypeOneofCase.ExecutionResumed => WorkflowHistoryEventType.ExecutionResumed,
        _ => WorkflowHistoryEventType.Unknown,
    };
}
