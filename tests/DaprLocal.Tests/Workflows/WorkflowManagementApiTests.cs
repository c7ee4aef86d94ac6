using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ecommerce.TestSupport.Sidecars;
using Ecommerce.Workflow.Protocol;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using static Ecommerce.DaprLocal.Tests.Workflows.WorkflowActions;
using Autogen = Dapr.Client.Autogen.Grpc.v1;
using EventType = Ecommerce.Workflow.Protocol.HistoryEvent.EventTypeOneofCase;

namespace Ecommerce.DaprLocal.Tests.Workflows;

/// <summary>Dapr's workflow management API (contract §8) over HTTP and gRPC, and the rules every workflow call shares.</summary>
public sealed class WorkflowManagementApiTests
{
    [Fact]
    public async Task The_http_api_starts_gets_raises_pauses_resumes_terminates_and_purges()
    {
        await using var sidecar = await TestSidecar.StartAsync(WorkflowTurnTests.ActorStore());
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var started = await http.PostAsync(new Uri("/v1.0/workflows/dapr/Checkout/start?instanceID=http-1", UriKind.Relative), new StringContent("{\"id\":7}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("http-1", (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceID").GetString());
        var first = await worker.NextTurnAsync();
        Assert.Equal("{\"id\":7}", first.NewEvents[1].ExecutionStarted.Input);
        await worker.CompleteTurnAsync("http-1", "", "\"step\"");

        var running = await http.GetFromJsonAsync<JsonElement>(new Uri("/v1.0-beta1/workflows/dapr/http-1", UriKind.Relative));
        Assert.Equal(("http-1", "Checkout", "RUNNING"), (running.GetProperty("instanceID").GetString(), running.GetProperty("workflowName").GetString(), running.GetProperty("runtimeStatus").GetString()));
        Assert.EndsWith("Z", running.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", running.GetProperty("lastUpdatedAt").GetString(), StringComparison.Ordinal);
        var properties = running.GetProperty("properties");
        Assert.Equal(("{\"id\":7}", "\"step\""), (properties.GetProperty("dapr.workflow.input").GetString(), properties.GetProperty("dapr.workflow.custom_status").GetString()));

        using var raised = await http.PostAsync(new Uri("/v1.0/workflows/dapr/http-1/raiseEvent/Paid", UriKind.Relative), new StringContent("42"));
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        var eventTurn = await worker.NextTurnAsync();
        Assert.Equal(("Paid", "42"), (eventTurn.NewEvents[1].EventRaised.Name, eventTurn.NewEvents[1].EventRaised.Input));
        await worker.CompleteTurnAsync("http-1", "", "\"step\"");

        using var paused = await http.PostAsync(new Uri("/v1.0/workflows/dapr/http-1/pause", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, paused.StatusCode);
        Assert.Equal(EventType.ExecutionSuspended, (await worker.NextTurnAsync()).NewEvents[1].EventTypeCase);
        await worker.CompleteTurnAsync("http-1", "", null);
        using var resumed = await http.PostAsync(new Uri("/v1.0-alpha1/workflows/dapr/http-1/resume", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
        Assert.Equal(EventType.ExecutionResumed, (await worker.NextTurnAsync()).NewEvents[1].EventTypeCase);
        await worker.CompleteTurnAsync("http-1", "", null);

        using var terminated = await http.PostAsync(new Uri("/v1.0/workflows/dapr/http-1/terminate", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        await worker.NextTurnAsync();
        await worker.CompleteTurnAsync("http-1", "", null);
        await worker.WaitForCompletionAsync("http-1");
        var ended = await http.GetFromJsonAsync<JsonElement>(new Uri("/v1.0/workflows/dapr/http-1", UriKind.Relative));
        Assert.Equal("TERMINATED", ended.GetProperty("runtimeStatus").GetString());

        using var purged = await http.PostAsync(new Uri("/v1.0/workflows/dapr/http-1/purge", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, purged.StatusCode);
        using var gone = await http.GetAsync(new Uri("/v1.0/workflows/dapr/http-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("ERR_INSTANCE_ID_NOT_FOUND", (await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("/v1.0/workflows/other/Wf/start", "ERR_WORKFLOW_COMPONENT_NOT_FOUND")]
    [InlineData("/v1.0/workflows/dapr/Wf/start?instanceID=bad.id", "ERR_INSTANCE_ID_INVALID")]
    [InlineData("/v1.0/workflows/dapr/Wf/start?instanceID=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ERR_INSTANCE_ID_TOO_LONG")]
    public async Task The_http_api_refuses_bad_requests_with_daprds_400_codes(string path, string errorCode)
    {
        await using var sidecar = await TestSidecar.StartAsync(WorkflowTurnTests.ActorStore());
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(errorCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task The_grpc_beta1_methods_of_the_dapr_service_manage_workflows()
    {
        await using var sidecar = await TestSidecar.StartAsync(WorkflowTurnTests.ActorStore());
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        using var channel = GrpcChannel.ForAddress(sidecar.GrpcEndpoint);
        var dapr = new Autogen.Dapr.DaprClient(channel);

        var started = await dapr.StartWorkflowBeta1Async(new Autogen.StartWorkflowRequest
        {
            WorkflowComponent = "dapr", WorkflowName = "Wf", InstanceId = "grpc-1", Input = ByteString.CopyFromUtf8("\"x\""),
        });
        Assert.Equal("grpc-1", started.InstanceId);
        await worker.NextTurnAsync();
        await worker.CompleteTurnAsync("grpc-1", "", null, Complete(0, "\"y\""));
        await worker.WaitForCompletionAsync("grpc-1");

        var got = await dapr.GetWorkflowBeta1Async(new Autogen.GetWorkflowRequest { WorkflowComponent = "dapr", InstanceId = "grpc-1" });
        Assert.Equal(("Wf", "COMPLETED", "\"y\""), (got.WorkflowName, got.RuntimeStatus, got.Properties["dapr.workflow.output"]));
        var unknown = await dapr.GetWorkflowBeta1Async(new Autogen.GetWorkflowRequest { WorkflowComponent = "dapr", InstanceId = "nobody" });
        Assert.Equal(("nobody", ""), (unknown.InstanceId, unknown.RuntimeStatus));
        await dapr.PurgeWorkflowBeta1Async(new Autogen.PurgeWorkflowRequest { WorkflowComponent = "dapr", InstanceId = "grpc-1" });
        var purgeAgain = await Assert.ThrowsAsync<RpcException>(async () =>
            await dapr.PurgeWorkflowBeta1Async(new Autogen.PurgeWorkflowRequest { WorkflowComponent = "dapr", InstanceId = "grpc-1" }));
        Assert.Equal(StatusCode.NotFound, purgeAgain.StatusCode);
        var badComponent = await Assert.ThrowsAsync<RpcException>(async () =>
            await dapr.TerminateWorkflowBeta1Async(new Autogen.TerminateWorkflowRequest { WorkflowComponent = "nope", InstanceId = "grpc-1" }));
        Assert.Equal(StatusCode.InvalidArgument, badComponent.StatusCode);
    }

    [Fact]
    public async Task Task_hub_calls_need_the_api_token()
    {
        await using var sidecar = await TestSidecar.StartAsync(WorkflowTurnTests.ActorStore(), daprApiToken: "secret");
        using var channel = GrpcChannel.ForAddress(sidecar.GrpcEndpoint);
        var client = new TaskHubSidecarService.TaskHubSidecarServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.HelloAsync(new Google.Protobuf.WellKnownTypes.Empty()));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        using var stream = client.GetWorkItems(new GetWorkItemsRequest());
        var streamError = await Assert.ThrowsAsync<RpcException>(async () => await stream.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Unauthenticated, streamError.StatusCode);

        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint, apiToken: "secret");
        Assert.False((await worker.GetAsync("nobody")).Exists);
    }

    [Fact]
    public async Task Without_an_actor_state_store_workflow_calls_fail_as_on_daprd()
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore("in-memory"));
        using var channel = GrpcChannel.ForAddress(sidecar.GrpcEndpoint);
        var client = new TaskHubSidecarService.TaskHubSidecarServiceClient(channel);
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.GetInstanceAsync(new GetInstanceRequest { InstanceId = "x" }));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("not configured to use the actor runtime", error.Status.Detail, StringComparison.Ordinal);
        using var response = await http.PostAsync(new Uri("/v1.0/workflows/dapr/Wf/start", UriKind.Relative), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("ERR_ACTOR_RUNTIME_NOT_FOUND", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }
}
