using System.Collections.Concurrent;
using System.Threading.Channels;
using Ecommerce.Workflow.Protocol;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Ecommerce.Workflow.Tests.Support;

/// <summary>
/// The worker half of the sidecar's TaskHubSidecarService, in memory: tests push work items and read back
/// the completions the worker sends.
/// </summary>
internal sealed class FakeSidecar : TaskHubSidecarService.TaskHubSidecarServiceBase, IDisposable
{
    private readonly Channel<WorkItem> _workItems = Channel.CreateUnbounded<WorkItem>();
    private CancellationTokenSource _endStreams = new();
    private int _connections;

    public int Connections => Volatile.Read(ref _connections);

    public ConcurrentQueue<WorkflowResponse> WorkflowCompletions { get; } = new();

    public ConcurrentQueue<ActivityResponse> ActivityCompletions { get; } = new();

    public void Send(WorkItem workItem) => _workItems.Writer.TryWrite(workItem);

    /// <summary>Ends every open work-item stream normally, as a sidecar does when it shuts down.</summary>
    public void EndStreams() => Interlocked.Exchange(ref _endStreams, new CancellationTokenSource()).Cancel();

    /// <summary>The <c>dapr-api-token</c> header of the last client call.</summary>
    public string? LastApiToken { get; private set; }

    public ConcurrentDictionary<string, CreateInstanceRequest> Started { get; } = new();

    public void Dispose() => _endStreams.Dispose();

    public override Task<CreateInstanceResponse> StartInstance(CreateInstanceRequest request, ServerCallContext context)
    {
        LastApiToken = context.RequestHeaders.GetValue("dapr-api-token");
        Started[request.InstanceId] = request;
        return Task.FromResult(new CreateInstanceResponse { InstanceId = request.InstanceId });
    }

    /// <summary>Reports every started instance as completed with its input as output.</summary>
    public override Task<GetInstanceResponse> GetInstance(GetInstanceRequest request, ServerCallContext context)
    {
        LastApiToken = context.RequestHeaders.GetValue("dapr-api-token");
        if (!Started.TryGetValue(request.InstanceId, out var started))
        {
            return Task.FromResult(new GetInstanceResponse { Exists = false });
        }

        return Task.FromResult(new GetInstanceResponse
        {
            Exists = true,
            WorkflowState = new Protocol.WorkflowState
            {
                InstanceId = request.InstanceId,
                Name = started.Name,
                WorkflowStatus = OrchestrationStatus.Completed,
                Input = request.GetInputsAndOutputs ? started.Input : null,
                Output = request.GetInputsAndOutputs ? started.Input : null,
                CustomStatus = request.GetInputsAndOutputs ? "{\"stage\":\"done\"}" : null,
            },
        });
    }

    public override Task<Empty> Hello(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public override async Task GetWorkItems(GetWorkItemsRequest request, IServerStreamWriter<WorkItem> responseStream, ServerCallContext context)
    {
        Interlocked.Increment(ref _connections);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, Volatile.Read(ref _endStreams).Token);
        try
        {
            await foreach (var workItem in _workItems.Reader.ReadAllAsync(ended.Token))
            {
                await responseStream.WriteAsync(workItem, context.CancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stream ended by the test or by the worker.
        }
    }

    public override Task<CompleteTaskResponse> CompleteOrchestratorTask(WorkflowResponse request, ServerCallContext context)
    {
        WorkflowCompletions.Enqueue(request);
        return Task.FromResult(new CompleteTaskResponse());
    }

    public override Task<CompleteTaskResponse> CompleteActivityTask(ActivityResponse request, ServerCallContext context)
    {
        ActivityCompletions.Enqueue(request);
        return Task.FromResult(new CompleteTaskResponse());
    }
}
