using Ecommerce.TestSupport.Sidecars;
using Ecommerce.Workflow.Protocol;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using static Ecommerce.DaprLocal.Tests.Workflows.WorkflowActions;
using EventType = Ecommerce.Workflow.Protocol.HistoryEvent.EventTypeOneofCase;

namespace Ecommerce.DaprLocal.Tests.Workflows;

/// <summary>Workflow state in the actor state store: a new sidecar on the same store carries on; purge and listing read it.</summary>
public sealed class WorkflowPersistenceTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("redis")]
    [InlineData("postgresql-v1")]
    [InlineData("postgresql-v2")]
    public async Task A_new_sidecar_on_the_same_store_redispatches_the_pending_activity_rearms_the_timer_and_completes(string kind)
    {
        var resources = WorkflowTurnTests.ActorStore(kind);
        var appId = $"wf-{Guid.NewGuid():N}"[..16];
        await using (var before = await TestSidecar.StartAsync(resources, appId))
        {
            await using var worker = await TestWorker.ConnectAsync(before.GrpcEndpoint);
            var start = worker.StartAsync("Wf", "wf-restart", "\"in\"");
            await worker.NextTurnAsync();
            await worker.CompleteTurnAsync("wf-restart", "", "\"status\"", ScheduleTask(0, "Charge"), CreateTimer(1, DateTimeOffset.UtcNow.AddMilliseconds(200)));
            await start;
            await worker.NextActivityAsync();
            // The worker and then the sidecar go away before the activity is answered.
        }

        await using var after = await TestSidecar.StartAsync(resources, appId);
        await using var next = await TestWorker.ConnectAsync(after.GrpcEndpoint);
        ActivityRequest? activity = null;
        string activityToken = "";
        var timerTurnSeen = false;
        while (activity is null || !timerTurnSeen)
        {
            var item = await next.NextAsync();
            if (item.RequestCase == WorkItem.RequestOneofCase.ActivityRequest)
            {
                (activity, activityToken) = (item.ActivityRequest, item.CompletionToken);
                continue;
            }
            var fired = Assert.Single(item.WorkflowRequest.NewEvents, e => e.EventTypeCase == EventType.TimerFired);
            Assert.Equal(1, fired.TimerFired.TimerId);
            await next.CompleteTurnAsync("wf-restart", item.CompletionToken, "\"status\"");
            timerTurnSeen = true;
        }
        Assert.Equal(("Charge", 0), (activity.Name, activity.TaskId));
        await next.CompleteActivityAsync(activity, activityToken, "\"charged\"");

        var last = await next.NextTurnAsync();
        Assert.Equal("\"charged\"", Assert.Single(last.NewEvents, e => e.EventTypeCase == EventType.TaskCompleted).TaskCompleted.Result);
        await next.CompleteTurnAsync("wf-restart", "", "\"status\"", Complete(2, "\"done\""));
        var state = (await next.WaitForCompletionAsync("wf-restart")).WorkflowState;
        Assert.Equal((OrchestrationStatus.Completed, "\"in\"", "\"done\"", "\"status\""), (state.WorkflowStatus, state.Input, state.Output, state.CustomStatus));
    }

    [Fact]
    public async Task The_state_is_kept_under_daprds_actor_keys()
    {
        var database = Path.Combine(Path.GetTempPath(), $"daprlocal-wf-{Guid.NewGuid():N}.db");
        var resources = TestComponents.Component("actorstore", "state.sqlite", "v1", [("connectionString", database), ("actorStateStore", "true")]);
        await using var sidecar = await TestSidecar.StartAsync(resources);
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var start = worker.StartAsync("Wf", "wf-keys");
        await worker.NextTurnAsync();
        await worker.CompleteTurnAsync("wf-keys", "", "\"cs\"", Complete(0, "1"));
        await start;

        var prefix = $"{sidecar.AppId}||dapr.internal.default.{sidecar.AppId}.workflow||wf-keys||";
        var rows = new Dictionary<string, byte[]>();
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT key, value FROM state WHERE key LIKE $prefix";
            command.Parameters.AddWithValue("$prefix", prefix + "%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[reader.GetString(0)[prefix.Length..]] = reader.GetFieldValue<byte[]>(1);
            }
        }

        Assert.Equal(["customStatus", "history-000000", "history-000001", "history-000002", "metadata"], rows.Keys.Order(StringComparer.Ordinal));
        var metadata = Ecommerce.DaprLocal.Workflows.Storage.WorkflowStateMetadata.Parser.ParseFrom(rows["metadata"]);
        Assert.Equal((3UL, 0UL, 1UL), (metadata.HistoryLength, metadata.InboxLength, metadata.Generation));
        Assert.Equal(EventType.ExecutionCompleted, HistoryEvent.Parser.ParseFrom(rows["history-000002"]).EventTypeCase);
        Assert.Equal("\"cs\"", Google.Protobuf.WellKnownTypes.StringValue.Parser.ParseFrom(rows["customStatus"]).Value);
    }

    [Fact]
    public async Task Purge_refuses_a_running_instance_unless_forced_and_recursively_removes_children()
    {
        await using var sidecar = await TestSidecar.StartAsync(WorkflowTurnTests.ActorStore("sqlite"));
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var start = worker.StartAsync("Parent", "purge-parent");
        await worker.NextTurnAsync();
        await worker.CompleteTurnAsync("purge-parent", CreateChild(0, "Child", "purge-child"));
        await start;
        await worker.NextTurnAsync();
        await worker.CompleteTurnAsync("purge-child", "", null, Complete(0, "\"c\""));
        await worker.NextTurnAsync();
        await worker.CompleteTurnAsync("purge-parent", "", null);

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await worker.Client.PurgeInstancesAsync(new PurgeInstancesRequest { InstanceId = "purge-parent", Recursive = true }));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var filter = await Assert.ThrowsAsync<RpcException>(async () =>
            await worker.Client.PurgeInstancesAsync(new PurgeInstancesRequest { PurgeInstanceFilter = new PurgeInstanceFilter() }));
        Assert.Equal(StatusCode.Unimplemented, filter.StatusCode);

        var purged = await worker.Client.PurgeInstancesAsync(new PurgeInstancesRequest { InstanceId = "purge-parent", Recursive = true, Force = true });
        Assert.Equal(2, purged.DeletedInstanceCount);
        Assert.False((await worker.GetAsync("purge-parent")).Exists);
        Assert.False((await worker.GetAsync("purge-child")).Exists);
        var listed = await worker.Client.ListInstanceIDsAsync(new ListInstanceIDsRequest());
        Assert.Empty(listed.InstanceIds);
        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await worker.Client.PurgeInstancesAsync(new PurgeInstancesRequest { InstanceId = "purge-parent" }));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task List_instance_ids_pages_with_a_continuation_token()
    {
        await using var sidecar = await TestSidecar.StartAsync(WorkflowTurnTests.ActorStore("sqlite"));
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        foreach (var id in new[] { "list-c", "list-a", "list-e", "list-b", "list-d" })
        {
            await worker.Client.StartInstanceAsync(new CreateInstanceRequest { Name = "Wf", InstanceId = id, ScheduledStartTimestamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)) });
        }

        var pages = new List<List<string>>();
        string? token = null;
        do
        {
            var request = new ListInstanceIDsRequest { PageSize = 2 };
            if (token is not null)
            {
                request.ContinuationToken = token;
            }
            var page = await worker.Client.ListInstanceIDsAsync(request);
            pages.Add([.. page.InstanceIds]);
            token = page.HasContinuationToken ? page.ContinuationToken : null;
        }
        while (token is not null);

        Assert.Equal([["list-a", "list-b"], ["list-c", "list-d"], ["list-e"]], pages);
        Assert.Equal(OrchestrationStatus.Pending, (await worker.GetAsync("list-a")).WorkflowState.WorkflowStatus);
    }
}
