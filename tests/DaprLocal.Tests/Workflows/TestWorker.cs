using System.Threading.Channels;
using Ecommerce.Workflow.Protocol;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Ecommerce.DaprLocal.Tests.Workflows;

/// <summary>
/// A hand-written durable-task worker for driving the engine exactly: it opens one
/// <c>GetWorkItems</c> stream, hands out the work items as they come, and answers with the
/// actions a test spells out (no SDK, no replay logic). Also carries a TaskHub client.
/// </summary>
public sealed class TestWorker : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly GrpcChannel _channel;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<WorkItem> _items = Channel.CreateUnbounded<WorkItem>();
    private readonly Task _reading;

    private TestWorker(GrpcChannel channel, Metadata headers)
    {
        _channel = channel;
        Client = new TaskHubSidecarService.TaskHubSidecarServiceClient(channel);
        Headers = headers;
        var stream = Client.GetWorkItems(new GetWorkItemsRequest(), headers, cancellationToken: _stop.Token);
        _reading = ReadAsync(stream);
    }

    public TaskHubSidecarService.TaskHubSidecarServiceClient Client { get; }

    public Metadata Headers { get; }

    /// <summary>Connects a worker to a sidecar's gRPC port (<paramref name="apiToken"/> sent as dapr-api-token).</summary>
    public static async Task<TestWorker> ConnectAsync(Uri grpcEndpoint, string? apiToken = null)
    {
        var headers = new Metadata();
        if (apiToken is not null)
        {
            headers.Add("dapr-api-token", apiToken);
        }
        var worker = new TestWorker(GrpcChannel.ForAddress(grpcEndpoint), headers);
        await worker.Client.HelloAsync(new Empty(), worker.Headers);
        return worker;
    }

    /// <summary>Starts an instance without waiting for the call (StartInstance returns only after the first turn).</summary>
    public Task<CreateInstanceResponse> StartAsync(string name, string instanceId, string? input = null) =>
        Client.StartInstanceAsync(new CreateInstanceRequest { Name = name, InstanceId = instanceId, Input = input }, Headers, deadline: DateTime.UtcNow + Timeout).ResponseAsync;

    public async Task<WorkItem> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await _items.Reader.ReadAsync(timeout.Token);
    }

    public async Task<WorkflowRequest> NextTurnAsync() => (await NextItemAsync(WorkItem.RequestOneofCase.WorkflowRequest)).WorkflowRequest;

    public async Task<(ActivityRequest Request, string Token)> NextActivityAsync()
    {
        var item = await NextItemAsync(WorkItem.RequestOneofCase.ActivityRequest);
        return (item.ActivityRequest, item.CompletionToken);
    }

    /// <summary>The next work item, which must be of the given kind.</summary>
    public async Task<WorkItem> NextItemAsync(WorkItem.RequestOneofCase kind)
    {
        var item = await NextAsync();
        Assert.Equal(kind, item.RequestCase);
        LastToken = item.CompletionToken;
        return item;
    }

    /// <summary>The completion token of the last item taken with <see cref="NextItemAsync"/>.</summary>
    public string LastToken { get; private set; } = "";

    public Task CompleteTurnAsync(string instanceId, params WorkflowAction[] actions) => CompleteTurnAsync(instanceId, LastToken, null, actions);

    public async Task CompleteTurnAsync(string instanceId, string token, string? customStatus, params WorkflowAction[] actions)
    {
        var response = new WorkflowResponse { InstanceId = instanceId, CompletionToken = token, CustomStatus = customStatus };
        response.Actions.AddRange(actions);
        await Client.CompleteOrchestratorTaskAsync(response, Headers);
    }

    public async Task CompleteActivityAsync(ActivityRequest request, string token, string result) =>
        await Client.CompleteActivityTaskAsync(
            new ActivityResponse { InstanceId = request.WorkflowInstance.InstanceId, TaskId = request.TaskId, Result = result, CompletionToken = token }, Headers);

    public Task<GetInstanceResponse> WaitForCompletionAsync(string instanceId) =>
        Client.WaitForInstanceCompletionAsync(new GetInstanceRequest { InstanceId = instanceId, GetInputsAndOutputs = true }, Headers, deadline: DateTime.UtcNow + Timeout).ResponseAsync;

    public Task<GetInstanceResponse> GetAsync(string instanceId) =>
        Client.GetInstanceAsync(new GetInstanceRequest { InstanceId = instanceId, GetInputsAndOutputs = true }, Headers).ResponseAsync;

    /// <summary>Whether a work item arrives within a short time (to show that none does).</summary>
    public async Task<bool> AnyItemWithinAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _items.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ReadAsync(AsyncServerStreamingCall<WorkItem> stream)
    {
        using (stream)
        {
            try
            {
                await foreach (var item in stream.ResponseStream.ReadAllAsync(_stop.Token))
                {
                    await _items.Writer.WriteAsync(item);
                }
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled || _stop.IsCancellationRequested)
            {
                // Disconnected on purpose.
            }
            catch (OperationCanceledException)
            {
                // Disconnected on purpose.
            }
            finally
            {
                _items.Writer.TryComplete();
            }
        }
    }

    /// <summary>Drops the stream as a crashing worker would (the engine re-dispatches what it had).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (RpcException)
        {
            // The sidecar went away first.
        }
        _channel.Dispose();
        _stop.Dispose();
    }
}
