using Ecommerce.TestSupport.Sidecars;
using Ecommerce.Workflow.Protocol;
using Grpc.Core;
using static Ecommerce.DaprLocal.Tests.Workflows.WorkflowActions;
using EventType = Ecommerce.Workflow.Protocol.HistoryEvent.EventTypeOneofCase;

namespace Ecommerce.DaprLocal.Tests.Workflows;

/// <summary>How the engine builds, dispatches and commits turns (protocol note §3.1), driven by a hand-written worker.</summary>
public sealed class WorkflowTurnTests
{
    internal static string ActorStore(string kind = "in-memory") => TestComponents.StateStore(kind, "actorstore", ("actorStateStore", "true"));

    [Fact]
    public async Task An_activity_round_trip_builds_each_turn_from_history_and_inbox()
    {
        await using var sidecar = await TestSidecar.StartAsync(ActorStore());
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);

        var start = worker.StartAsync("Checkout", "order-1", "\"in\"");
        var first = await worker.NextTurnAsync();
        Assert.Equal("order-1", first.InstanceId);
        Assert.Empty(first.PastEvents);
        Assert.Equal([EventType.WorkflowStarted, EventType.ExecutionStarted], first.NewEvents.Select(e => e.EventTypeCase));
        Assert.All(first.NewEvents, e => Assert.Equal(-1, e.EventId));
        Assert.Equal("Checkout", first.NewEvents[1].ExecutionStarted.Name);
        Assert.Equal("\"in\"", first.NewEvents[1].ExecutionStarted.Input);
        Assert.False(string.IsNullOrEmpty(first.ExecutionId));
        Assert.False(string.IsNullOrEmpty(worker.LastToken));
        await worker.CompleteTurnAsync("order-1", ScheduleTask(1, "Reserve", "\"sku\""));
        Assert.Equal("order-1", (await start).InstanceId);

        var (activity, token) = await worker.NextActivityAsync();
        Assert.Equal(("Reserve", 1, "\"sku\"", "order-1"), (activity.Name, activity.TaskId, activity.Input, activity.WorkflowInstance.InstanceId));
        await worker.CompleteActivityAsync(activity, token, "\"reserved\"");

        var second = await worker.NextTurnAsync();
        Assert.Equal([EventType.WorkflowStarted, EventType.ExecutionStarted, EventType.TaskScheduled], second.PastEvents.Select(e => e.EventTypeCase));
        Assert.Equal(1, second.PastEvents[2].EventId);
        Assert.Equal([EventType.WorkflowStarted, EventType.TaskCompleted], second.NewEvents.Select(e => e.EventTypeCase));
        Assert.Equal((-1, 1, "\"reserved\""), (second.NewEvents[1].EventId, second.NewEvents[1].TaskCompleted.TaskScheduledId, second.NewEvents[1].TaskCompleted.Result));
        var completion = worker.WaitForCompletionAsync("order-1");
        await worker.CompleteTurnAsync("order-1", "", "\"done-soon\"", Complete(2, "\"ok\""));

        var state = (await completion).WorkflowState;
        Assert.Equal(OrchestrationStatus.Completed, state.WorkflowStatus);
        Assert.Equal(("\"ok\"", "\"in\"", "\"done-soon\""), (state.Output, state.Input, state.CustomStatus));
        var history = await worker.Client.GetInstanceHistoryAsync(new GetInstanceHistoryRequest { InstanceId = "order-1" });
        Assert.Equal(
            [EventType.WorkflowStarted, EventType.ExecutionStarted, EventType.TaskScheduled, EventType.WorkflowStarted, EventType.TaskCompleted, EventType.ExecutionCompleted],
            history.Events.Select(e => e.EventTypeCase));
        Assert.Equal(2, history.Events[^1].EventId);
    }

    [Fact]
    public async Task Get_instance_reports_payloads_only_when_asked_and_unknown_ids_do_not_exist()
    {
        await using var sidecar = await TestSidecar.StartAsync(ActorStore());
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var start = worker.StartAsync("Wf", "wf-get", "42");
        await worker.NextTurnAsync();
        await worker.CompleteTurnAsync("wf-get", "", "\"busy\"", CreateTimer(0, DateTimeOffset.UtcNow.AddHours(1)));
        await start;

        var bare = await worker.Client.GetInstanceAsync(new GetInstanceRequest { InstanceId = "wf-get" });
        Assert.True(bare.Exists);
        Assert.Equal((OrchestrationStatus.Running, "Wf"), (bare.WorkflowState.WorkflowStatus, bare.WorkflowState.Name));
        Assert.Null(bare.WorkflowState.Input);
        Assert.Null(bare.WorkflowState.CustomStatus);
        var full = await worker.GetAsync("wf-get");
        Assert.Equal(("42", "\"busy\""), (full.WorkflowState.Input, full.WorkflowState.CustomStatus));
        Assert.False((await worker.GetAsync("nobody")).Exists);
    }

    [Fact]
    public async Task A_timer_fires_timer_fired_with_the_action_id()
    {
        await using var sidecar = await TestSidecar.StartAsync(ActorStore());
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var start = worker.StartAsync("Wf", "wf-timer");
        await worker.NextTurnAsync();
        var fireAt = DateTimeOffset.UtcNow.AddMilliseconds(300);
        await worker.CompleteTurnAsync("wf-timer", CreateTimer(7, fireAt));
        await start;

        var turn = await worker.NextTurnAsync();
        var fired = Assert.Single(turn.NewEvents, e => e.EventTypeCase == EventType.TimerFired).TimerFired;
        Assert.Equal(7, fired.TimerId);
        Assert.Equal(fireAt.ToUnixTimeMilliseconds(), fired.FireAt.ToDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(EventType.TimerCreated, turn.PastEvents[^1].EventTypeCase);
        Assert.Equal(7, turn.PastEvents[^1].EventId);
    }

    [Fact]
    public async Task An_event_raised_during_a_turn_arrives_in_the_next_turn()
    {
        await using var sidecar = await TestSidecar.StartAsync(ActorStore());
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var start = worker.StartAsync("Wf", "wf-event");
        await worker.NextTurnAsync();
        // Raised before the worker answers (so before it could be waiting for it): kept for the next turn.
        await worker.Client.RaiseEventAsync(new RaiseEventRequest { InstanceId = "wf-event", Name = "Paid", Input = "{\"amount\":42}" });
        await worker.CompleteTurnAsync("wf-event");
        await start;

        var turn = await worker.NextTurnAsync();
        var raised = Assert.Single(turn.NewEvents, e => e.EventTypeCase == EventType.EventRaised).EventRaised;
        Assert.Equal(("Paid", "{\"amount\":42}"), (raised.Name, raised.Input));
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await worker.Client.RaiseEventAsync(new RaiseEventRequest { InstanceId = "nobody", Name = "Paid" }));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_suspended_instance_buffers_events_until_it_is_resumed()
    {
        await using var sidecar = await TestSidecar.StartAsync(ActorStore());
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var start = worker.StartAsync("Wf", "wf-suspend");
        await worker.NextTurnAsync();
        await worker.CompleteTurnAsync("wf-suspend");
        await start;

        var suspend = worker.Client.SuspendInstanceAsync(new SuspendRequest { InstanceId = "wf-suspend", Reason = "hold" }).ResponseAsync;
        var suspendTurn = await worker.NextTurnAsync();
        Assert.Equal("hold", suspendTurn.NewEvents[1].ExecutionSuspended.Input);
        await worker.CompleteTurnAsync("wf-suspend");
        await suspend;
        Assert.Equal(OrchestrationStatus.Suspended, (await worker.GetAsync("wf-suspend")).WorkflowState.WorkflowStatus);

        await worker.Client.RaiseEventAsync(new RaiseEventRequest { InstanceId = "wf-suspend", Name = "Later" });
        Assert.False(await worker.AnyItemWithinAsync(TimeSpan.FromMilliseconds(300)));

        var resume = worker.Client.ResumeInstanceAsync(new ResumeRequest { InstanceId = "wf-suspend" }).ResponseAsync;
        var resumed = await worker.NextTurnAsync();
        Assert.Equal([EventType.WorkflowStarted, EventType.EventRaised, EventType.ExecutionResumed], resumed.NewEvents.Select(e => e.EventTypeCase));
        await worker.CompleteTurnAsync("wf-suspend");
        await resume;
        Assert.Equal(OrchestrationStatus.Running, (await worker.GetAsync("wf-suspend")).WorkflowState.WorkflowStatus);
    }

    [Fact]
    public async Task A_child_workflow_result_lands_in_the_parent_and_terminating_the_parent_ends_running_children()
    {
        await using var sidecar = await TestSidecar.StartAsync(ActorStore());
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var start = worker.StartAsync("Parent", "parent");
        await worker.NextTurnAsync();
        await worker.CompleteTurnAsync("parent", CreateChild(0, "Child", "child-a", "\"x\""), CreateChild(1, "Child", ""));
        await start;

        var children = new Dictionary<string, WorkflowRequest>();
        for (var i = 0; i < 2; i++)
        {
            var turn = await worker.NextTurnAsync();
            children[turn.InstanceId] = turn;
        }
        Assert.Equal(["child-a", "parent:0001"], children.Keys.Order(StringComparer.Ordinal));
        var parentInfo = children["child-a"].NewEvents[1].ExecutionStarted.ParentInstance;
        Assert.Equal((0, "parent"), (parentInfo.TaskScheduledId, parentInfo.WorkflowInstance.InstanceId));
        await worker.CompleteTurnAsync("child-a", "", null, Complete(0, "\"child-done\""));
        await worker.CompleteTurnAsync("parent:0001", "", null, CreateTimer(0, DateTimeOffset.UtcNow.AddHours(1)));

        var parentTurn = await worker.NextTurnAsync();
        Assert.Equal("parent", parentTurn.InstanceId);
        var result = Assert.Single(parentTurn.NewEvents, e => e.EventTypeCase == EventType.ChildWorkflowInstanceCompleted).ChildWorkflowInstanceCompleted;
        Assert.Equal((0, "\"child-done\""), (result.TaskScheduledId, result.Result));
        await worker.CompleteTurnAsync("parent");

        // Terminate waits for the parent to end; the worker answers every turn with nothing, so the engine ends them.
        var terminate = worker.Client.TerminateInstanceAsync(new TerminateRequest { InstanceId = "parent", Output = "\"stop\"", Recursive = true }).ResponseAsync;
        var answered = new List<string>();
        while (answered.Count < 2)
        {
            var turn = await worker.NextTurnAsync();
            answered.Add(turn.InstanceId);
            Assert.Contains(turn.NewEvents, e => e.EventTypeCase == EventType.ExecutionTerminated);
            await worker.CompleteTurnAsync(turn.InstanceId, "", null);
        }
        await terminate;
        Assert.Equal(["parent", "parent:0001"], answered.Order(StringComparer.Ordinal));
        var child = await worker.WaitForCompletionAsync("parent:0001");
        Assert.Equal((OrchestrationStatus.Terminated, "\"stop\""), (child.WorkflowState.WorkflowStatus, child.WorkflowState.Output));
        Assert.Equal(OrchestrationStatus.Terminated, (await worker.GetAsync("parent")).WorkflowState.WorkflowStatus);
    }

    [Fact]
    public async Task Continue_as_new_restarts_the_history_with_the_new_input_and_carried_over_events()
    {
        await using var sidecar = await TestSidecar.StartAsync(ActorStore());
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var start = worker.StartAsync("Loop", "wf-can", "1");
        var first = await worker.NextTurnAsync();
        var carried = new HistoryEvent { EventId = -1, Timestamp = first.NewEvents[0].Timestamp, EventRaised = new EventRaisedEvent { Name = "kept", Input = "\"k\"" } };
        await worker.CompleteTurnAsync("wf-can", ScheduleTask(0, "Ignored"), ContinueAsNew(1, "2", carried));
        await start;

        var second = await worker.NextTurnAsync();
        Assert.Empty(second.PastEvents);
        Assert.Equal([EventType.WorkflowStarted, EventType.ExecutionStarted, EventType.EventRaised], second.NewEvents.Select(e => e.EventTypeCase));
        Assert.Equal(("Loop", "2"), (second.NewEvents[1].ExecutionStarted.Name, second.NewEvents[1].ExecutionStarted.Input));
        Assert.NotEqual(first.ExecutionId, second.ExecutionId);
        Assert.Equal(OrchestrationStatus.Running, (await worker.GetAsync("wf-can")).WorkflowState.WorkflowStatus);
        await worker.CompleteTurnAsync("wf-can", Complete(0, "\"end\""));

        var state = (await worker.WaitForCompletionAsync("wf-can")).WorkflowState;
        Assert.Equal((OrchestrationStatus.Completed, "2"), (state.WorkflowStatus, state.Input));
        var history = await worker.Client.GetInstanceHistoryAsync(new GetInstanceHistoryRequest { InstanceId = "wf-can" });
        Assert.DoesNotContain(history.Events, e => e.EventTypeCase == EventType.TaskScheduled);
    }

    [Fact]
    public async Task A_stale_completion_token_is_discarded_and_an_empty_one_is_accepted()
    {
        await using var sidecar = await TestSidecar.StartAsync(ActorStore());
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var start = worker.StartAsync("Wf", "wf-token");
        await worker.NextTurnAsync();
        await worker.CompleteTurnAsync("wf-token", "not-the-token", null, ScheduleTask(0, "Wrong"));
        Assert.False(await worker.AnyItemWithinAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(OrchestrationStatus.Pending, (await worker.GetAsync("wf-token")).WorkflowState.WorkflowStatus);

        await worker.CompleteTurnAsync("wf-token", "", null, ScheduleTask(0, "Right"));
        await start;
        var (activity, _) = await worker.NextActivityAsync();
        Assert.Equal("Right", activity.Name);
        // A second answer to the same activity is a duplicate: dropped.
        await worker.CompleteActivityAsync(activity, "", "1");
        await worker.CompleteActivityAsync(activity, "", "2");
        var turn = await worker.NextTurnAsync();
        Assert.Equal("1", Assert.Single(turn.NewEvents, e => e.EventTypeCase == EventType.TaskCompleted).TaskCompleted.Result);
        await worker.CompleteTurnAsync("wf-token", Complete(1, null));
        await worker.WaitForCompletionAsync("wf-token");
        Assert.False(await worker.AnyItemWithinAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task An_activity_in_flight_on_a_worker_that_disconnects_goes_to_the_next_worker()
    {
        await using var sidecar = await TestSidecar.StartAsync(ActorStore());
        var first = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var start = first.StartAsync("Wf", "wf-redispatch");
        await first.NextTurnAsync();
        await first.CompleteTurnAsync("wf-redispatch", ScheduleTask(0, "Ship"));
        await start;
        var (lost, lostToken) = await first.NextActivityAsync();
        await first.DisposeAsync();

        await using var second = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var (again, token) = await second.NextActivityAsync();
        Assert.Equal((lost.Name, lost.TaskId), (again.Name, again.TaskId));
        Assert.NotEqual(lostToken, token);
        // The lost worker's answer, arriving late with its old token, is stale.
        await second.CompleteActivityAsync(lost, lostToken, "\"stale\"");
        await second.CompleteActivityAsync(again, token, "\"shipped\"");
        var turn = await second.NextTurnAsync();
        Assert.Equal("\"shipped\"", Assert.Single(turn.NewEvents, e => e.EventTypeCase == EventType.TaskCompleted).TaskCompleted.Result);
    }

    [Fact]
    public async Task A_running_instance_id_cannot_be_started_twice()
    {
        await using var sidecar = await TestSidecar.StartAsync(ActorStore());
        await using var worker = await TestWorker.ConnectAsync(sidecar.GrpcEndpoint);
        var start = worker.StartAsync("Wf", "wf-twice");
        await worker.NextTurnAsync();
        await worker.CompleteTurnAsync("wf-twice");
        await start;

        var error = await Assert.ThrowsAsync<RpcException>(() => worker.StartAsync("Wf", "wf-twice"));
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }
}
