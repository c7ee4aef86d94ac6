using System.Text.Json;
using Dapr.Workflow;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Workflow;
using Grpc.Core;

namespace Ecommerce.Ordering.Infrastructure;

/// <summary><see cref="ISagas"/> through <see cref="DaprWorkflowClient"/> (the workflow API of this service's own sidecar).</summary>
internal sealed class DaprSagas(DaprWorkflowClient workflows) : ISagas
{
    public Task StartCheckoutAsync(CheckoutInput input, CancellationToken cancellationToken) =>
        StartAsync(nameof(CheckoutWorkflow), input.OrderId, input, cancellationToken);

    public Task StartReturnAsync(ReturnInput input, CancellationToken cancellationToken) =>
        StartAsync(nameof(ReturnWorkflow), ISagas.ReturnInstanceId(input.OrderId), input, cancellationToken);

    public Task<bool> StartRecoveryAsync(RecoveryInput input, CancellationToken cancellationToken) =>
        StartAsync(nameof(CheckoutRecoveryWorkflow), ISagas.RecoveryInstanceId(input.OrderId), input, cancellationToken);

    public async Task<SagaState?> GetStateAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: false, cancellation: cancellationToken);
        if (!state.Exists)
        {
            return null;
        }
        var stopped = state.RuntimeStatus is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed
            or WorkflowRuntimeStatus.Terminated or WorkflowRuntimeStatus.Canceled;
        return new SagaState(JsonNamingPolicy.CamelCase.ConvertName(state.RuntimeStatus.ToString()), stopped, state.FailureDetails?.ErrorMessage);
    }

    public async Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken) =>
        (await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: false, cancellation: cancellationToken)).Exists;

    public Task RaiseAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken) =>
        workflows.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public async Task<SagaView?> DescribeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: true, cancellation: cancellationToken);
        if (!state.Exists)
        {
            return null;
        }
        var history = await workflows.GetInstanceHistoryAsync(instanceId, cancellationToken);
        return new SagaView(
            instanceId,
            state.WorkflowName,
            JsonNamingPolicy.CamelCase.ConvertName(state.RuntimeStatus.ToString()),
            state.ReadCustomStatusAs<JsonElement?>(),
            state.CreatedAt,
            state.LastUpdatedAt,
            state.FailureDetails?.ToString(),
            [.. history.Select(e => new SagaHistoryEntry(e.EventId, JsonNamingPolicy.CamelCase.ConvertName(e.EventType.ToString()), new DateTimeOffset(e.Timestamp, TimeSpan.Zero)))]);
    }

    /// <returns>Whether this call started it (false: it existed already).</returns>
    private async Task<bool> StartAsync(string workflow, string instanceId, object input, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(instanceId, cancellationToken))
        {
            return false;
        }
        try
        {
            await workflows.ScheduleNewWorkflowAsync(workflow, instanceId, input, cancellation: cancellationToken);
            return true;
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.AlreadyExists)
        {
            // Started by a concurrent request meanwhile: one saga, as wanted.
            return false;
        }
    }
}
