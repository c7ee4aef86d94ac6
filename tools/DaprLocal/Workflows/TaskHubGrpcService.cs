using Ecommerce.Workflow.Protocol;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// The durable-task <c>TaskHubSidecarService</c> as daprd serves it on its API gRPC port (protocol
/// note §1.2): the worker side (<c>GetWorkItems</c>, the <c>Complete*</c> calls) and the client
/// side, over <see cref="WorkflowEngine"/>. Engine refusals become the gRPC status durabletask-go
/// answers with. The API token is checked by <c>DaprApiTokenInterceptor</c>.
/// </summary>
public sealed class TaskHubGrpcService(WorkflowEngine engine) : TaskHubSidecarService.TaskHubSidecarServiceBase
{
    private static readonly CompleteTaskResponse Completed = new();

    public override Task<Empty> Hello(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public override Task<CreateInstanceResponse> StartInstance(CreateInstanceRequest request, ServerCallContext context) => Run(async () =>
    {
        var instanceId = await engine.StartInstanceAsync(request, context.CancellationToken);
        // Like daprd: the call returns once the first turn committed, unless the start is scheduled.
        if (request.ScheduledStartTimestamp is null)
        {
            await engine.WaitAsync(instanceId, instance => instance.Status != OrchestrationStatus.Pending, context.CancellationToken);
        }
        return new CreateInstanceResponse { InstanceId = instanceId };
    });

    public override Task<GetInstanceResponse> GetInstance(GetInstanceRequest request, ServerCallContext context) =>
        Run(() => engine.GetInstanceAsync(request.InstanceId, request.GetInputsAndOutputs, context.CancellationToken));

    public override Task<GetInstanceResponse> WaitForInstanceStart(GetInstanceRequest request, ServerCallContext context) => Run(async () =>
    {
        await engine.WaitAsync(request.InstanceId, instance => instance.Exists && instance.Status != OrchestrationStatus.Pending, context.CancellationToken);
        return await engine.GetInstanceAsync(request.InstanceId, request.GetInputsAndOutputs, context.CancellationToken);
    });

    public override Task<GetInstanceResponse> WaitForInstanceCompletion(GetInstanceRequest request, ServerCallContext context) => Run(async () =>
    {
        await engine.WaitAsync(request.InstanceId, instance => instance.Exists && instance.IsCompleted, context.CancellationToken);
        return await engine.GetInstanceAsync(request.InstanceId, request.GetInputsAndOutputs, context.CancellationToken);
    });

    public override Task<RaiseEventResponse> RaiseEvent(RaiseEventRequest request, ServerCallContext context) => Run(async () =>
    {
        await engine.RaiseEventAsync(request.InstanceId, request.Name, request.Input, context.CancellationToken);
        return new RaiseEventResponse();
    });

    public override Task<TerminateResponse> TerminateInstance(TerminateRequest request, ServerCallContext context) => Run(async () =>
    {
        await engine.TerminateAsync(request.InstanceId, request.Output, request.Recursive, context.CancellationToken);
        await engine.WaitAsync(request.InstanceId, instance => !instance.Exists || instance.IsCompleted, context.CancellationToken);
        return new TerminateResponse();
    });

    public override Task<SuspendResponse> SuspendInstance(SuspendRequest request, ServerCallContext context) => Run(async () =>
    {
        await engine.SuspendAsync(request.InstanceId, request.Reason, context.CancellationToken);
        await engine.WaitAsync(request.InstanceId, instance => !instance.Exists || instance.IsCompleted || instance.Status == OrchestrationStatus.Suspended, context.CancellationToken);
        return new SuspendResponse();
    });

    public override Task<ResumeResponse> ResumeInstance(ResumeRequest request, ServerCallContext context) => Run(async () =>
    {
        await engine.ResumeAsync(request.InstanceId, request.Reason, context.CancellationToken);
        await engine.WaitAsync(request.InstanceId, instance => instance.Status != OrchestrationStatus.Suspended, context.CancellationToken);
        return new ResumeResponse();
    });

    public override Task<PurgeInstancesResponse> PurgeInstances(PurgeInstancesRequest request, ServerCallContext context) => Run(async () =>
    {
        if (request.RequestCase != PurgeInstancesRequest.RequestOneofCase.InstanceId)
        {
            // durabletask-go's actor backend purges one instance at a time only.
            throw new WorkflowEngineException(StatusCode.Unimplemented, "multi-instance purge is not implemented");
        }
        var deleted = await engine.PurgeAsync(request.InstanceId, request.Force, request.Recursive, context.CancellationToken);
        return new PurgeInstancesResponse { DeletedInstanceCount = deleted, IsComplete = true };
    });

    public override Task<ListInstanceIDsResponse> ListInstanceIDs(ListInstanceIDsRequest request, ServerCallContext context) => Run(async () =>
    {
        var (ids, next) = await engine.ListInstanceIdsAsync(
            request.HasContinuationToken ? request.ContinuationToken : null, request.HasPageSize ? (int)request.PageSize : 0, context.CancellationToken);
        var response = new ListInstanceIDsResponse();
        response.InstanceIds.AddRange(ids);
        if (next is not null)
        {
            response.ContinuationToken = next;
        }
        return response;
    });

    public override Task<GetInstanceHistoryResponse> GetInstanceHistory(GetInstanceHistoryRequest request, ServerCallContext context) => Run(async () =>
    {
        var response = new GetInstanceHistoryResponse();
        response.Events.AddRange(await engine.GetHistoryAsync(request.InstanceId, context.CancellationToken));
        return response;
    });

    public override Task GetWorkItems(GetWorkItemsRequest request, IServerStreamWriter<WorkItem> responseStream, ServerCallContext context) =>
        Run(async () =>
        {
            await engine.ServeWorkItemsAsync(responseStream, context.CancellationToken);
            return 0;
        });

    public override Task<CompleteTaskResponse> CompleteActivityTask(ActivityResponse request, ServerCallContext context) => Run(async () =>
    {
        await engine.CompleteActivityAsync(request, context.CancellationToken);
        return Completed;
    });

    public override Task<CompleteTaskResponse> CompleteOrchestratorTask(WorkflowResponse request, ServerCallContext context) => CompleteWorkflowTask(request, context);

    public override Task<CompleteTaskResponse> CompleteWorkflowTask(WorkflowResponse request, ServerCallContext context) => Run(async () =>
    {
        await engine.CompleteTurnAsync(request, context.CancellationToken);
        return Completed;
    });

    private static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (WorkflowEngineException error)
        {
            throw new RpcException(new Status(error.Status, error.Message));
        }
    }
}
