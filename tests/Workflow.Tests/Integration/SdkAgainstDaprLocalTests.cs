using Dapr.Workflow;
using Ecommerce.TestSupport.Sidecars;
using Ecommerce.Workflow.TestApp;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Workflow.Tests.Integration;

/// <summary>
/// The SDK end to end against DaprLocal's workflow engine: a real sidecar with an SQLite actor
/// store, the worker and client of <see cref="WorkflowApp"/>, each workflow to its result.
/// </summary>
public sealed class SdkAgainstDaprLocalTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London"];
    private static readonly string[] OneCity = ["Oslo"];

    private TestSidecar _sidecar = null!;
    private WorkflowApp _app = null!;

    private DaprWorkflowClient Client => _app.Client;

    private ActivityLog Log => _app.Log;

    public async Task InitializeAsync()
    {
        _sidecar = await TestSidecar.StartAsync(TestComponents.StateStore("sqlite", "actor-store", ("actorStateStore", "true")));
        _app = await WorkflowApp.StartAsync(_sidecar.Host.Options.GrpcPort);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    [Fact]
    public async Task Activities_chain_in_order()
    {
        var (state, _) = await RunAsync(nameof(ChainingWorkflow), Cities);

        Assert.Equal(["Hello, Tokyo!", "Hello, Seattle!", "Hello, London!"], state.ReadOutputAs<string[]>() ?? []);
    }

    [Fact]
    public async Task Activities_fan_out_and_their_results_fan_in()
    {
        var (state, _) = await RunAsync(nameof(FanOutFanInWorkflow), 20);

        Assert.Equal(420, state.ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_transient_activity_failure_is_retried_with_backoff_on_durable_timers()
    {
        var (state, instanceId) = await RunAsync(nameof(RetryingWorkflow), "payment");

        Assert.Equal("payment after 3 attempts", state.ReadOutputAs<string>());
        var attempts = Log.TimesOf($"flaky {instanceId}");
        Assert.Equal(3, attempts.Count);
        // 300 ms, then 300 ms × 2: the waits are durable timers, so never shorter than the policy.
        Assert.True(attempts[1] - attempts[0] >= TimeSpan.FromMilliseconds(290), $"first retry after {attempts[1] - attempts[0]}");
        Assert.True(attempts[2] - attempts[1] >= TimeSpan.FromMilliseconds(590), $"second retry after {attempts[2] - attempts[1]}");
    }

    [Fact]
    public async Task A_failed_step_runs_the_compensation_for_what_was_done()
    {
        var (state, _) = await RunAsync(nameof(CompensatingWorkflow), "order-7");

        Assert.Equal("compensated: card declined", state.ReadOutputAs<string>());
        Assert.Equal(["reserve order-7", "charge order-7", "release order-7"], Log.Entries);
    }

    [Fact]
    public async Task An_external_event_before_the_timeout_is_delivered_whatever_the_case_of_its_name()
    {
        var instanceId = await Client.ScheduleNewWorkflowAsync(nameof(ApprovalWorkflow), input: 60);
        await Eventually.TrueAsync(
            async () => (await Client.GetWorkflowStateAsync(instanceId)).ReadCustomStatusAs<string>() == "awaiting approval",
            Within, "custom status shown while waiting");

        await Client.RaiseEventAsync(instanceId, "approval", new Decision(true, "ops"));

        var state = await Client.WaitForWorkflowCompletionAsync(instanceId).WaitAsync(Within);
        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("approved by ops", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_raised_before_the_workflow_waits_for_it_is_kept_for_it()
    {
        var instanceId = $"early-{Guid.NewGuid():N}";
        await Client.ScheduleNewWorkflowAsync(nameof(ApprovalWorkflow), instanceId, 60);
        await Client.RaiseEventAsync(instanceId, "APPROVAL", new Decision(false, "risk"));

        var state = await Client.WaitForWorkflowCompletionAsync(instanceId).WaitAsync(Within);

        Assert.Equal("rejected by risk", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Without_the_event_the_timeout_branch_runs()
    {
        var (state, _) = await RunAsync(nameof(ApprovalWorkflow), 1);

        Assert.Equal("timed out", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_durable_timer_fires_after_its_delay()
    {
        var started = DateTimeOffset.UtcNow;

        var (state, _) = await RunAsync(nameof(TimerWorkflow), 1);

        Assert.InRange(state.ReadOutputAs<double>(), 1.0, 10.0);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_child_workflow_returns_its_result_to_the_parent()
    {
        var (state, instanceId) = await RunAsync(nameof(ParentWorkflow), 20);

        Assert.Equal(41, state.ReadOutputAs<int>());
        var child = await Client.GetWorkflowStateAsync($"{instanceId}-child");
        Assert.Equal(WorkflowRuntimeStatus.Completed, child.RuntimeStatus);
    }

    [Fact]
    public async Task A_terminated_workflow_stops_with_the_given_output()
    {
        var instanceId = await Client.ScheduleNewWorkflowAsync(nameof(WaitForeverWorkflow), input: "x");
        await Client.WaitForWorkflowStartAsync(instanceId).WaitAsync(Within);

        await Client.TerminateWorkflowAsync(instanceId, "stopped by support");

        var state = await Client.WaitForWorkflowCompletionAsync(instanceId).WaitAsync(Within);
        Assert.Equal(WorkflowRuntimeStatus.Terminated, state.RuntimeStatus);
        Assert.Equal("stopped by support", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_suspended_workflow_holds_its_events_until_resumed()
    {
        var instanceId = await Client.ScheduleNewWorkflowAsync(nameof(WaitForeverWorkflow), input: "x");
        await Client.WaitForWorkflowStartAsync(instanceId).WaitAsync(Within);

        await Client.SuspendWorkflowAsync(instanceId, "investigating");
        await Client.RaiseEventAsync(instanceId, "never", "released");
        await Eventually.TrueAsync(async () => (await Client.GetWorkflowStateAsync(instanceId)).RuntimeStatus == WorkflowRuntimeStatus.Suspended, Within);
        Assert.Equal(WorkflowRuntimeStatus.Suspended, (await Client.GetWorkflowStateAsync(instanceId)).RuntimeStatus);

        await Client.ResumeWorkflowAsync(instanceId, "all clear");

        var state = await Client.WaitForWorkflowCompletionAsync(instanceId).WaitAsync(Within);
        Assert.Equal("released", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_purged_workflow_is_gone()
    {
        var (state, instanceId) = await RunAsync(nameof(ChainingWorkflow), OneCity);
        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);

        Assert.True(await Client.PurgeInstanceAsync(instanceId));

        var purged = await Client.GetWorkflowStateAsync(instanceId);
        Assert.False(purged.Exists);
    }

    [Fact]
    public async Task An_app_process_killed_inside_an_activity_finishes_the_workflow_when_it_comes_back()
    {
        // Only the app processes run workflows here: the in-process app stays as a client.
        await _app.DisposeAsync();
        _app = await WorkflowApp.StartAsync(_sidecar.Host.Options.GrpcPort, runWorker: false);
        var port = _sidecar.Host.Options.GrpcPort;
        await using var doomed = WorkflowAppProcess.Start(port, gateOpen: false);
        var instanceId = await Client.ScheduleNewWorkflowAsync(nameof(GatedWorkflow), input: "order-9");
        await Eventually.TrueAsync(() => doomed.Activities.Contains("order-9: gated started"), Within, "the activity is running in the first app process");

        await doomed.KillAsync();
        await using var restarted = WorkflowAppProcess.Start(port, gateOpen: true);

        var state = await Client.WaitForWorkflowCompletionAsync(instanceId).WaitAsync(Within);
        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(["order-9: step 1", "order-9: gated", "order-9: step 2"], state.ReadOutputAs<string[]>() ?? []);
        Assert.DoesNotContain("order-9: gated done", doomed.Activities);
        Assert.Contains("order-9: gated done", restarted.Activities);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("redis")]
    [InlineData("postgresql-v1")]
    public async Task A_workflow_survives_its_sidecar_being_killed_and_restarted(string storeKind)
    {
        var resources = Directory.CreateTempSubdirectory("workflow-restart-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(resources.FullName, "actor-store.yaml"),
                TestComponents.StateStore(storeKind, "actor-store", ("actorStateStore", "true")));
            await using var sidecar = new DaprLocalProcess($"restart-{Guid.NewGuid():N}"[..20], resources.FullName);
            await sidecar.StartAsync();
            await using var app = await WorkflowApp.StartAsync(sidecar.GrpcPort);
            var log = app.Log;
            var instanceId = await app.Client.ScheduleNewWorkflowAsync(nameof(GatedWorkflow), input: "order-11");
            await Eventually.TrueAsync(() => log.Count("order-11: gated done") == 1, Within, "the workflow is on its durable timer");

            await sidecar.KillAsync();
            await sidecar.StartAsync();

            var state = await WhenSidecarAnswersAsync(() => app.Client.WaitForWorkflowCompletionAsync(instanceId)).WaitAsync(Within);
            Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
            Assert.Equal(["order-11: step 1", "order-11: gated", "order-11: step 2"], state.ReadOutputAs<string[]>() ?? []);
        }
        finally
        {
            resources.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Calls once the app's channel has reconnected: right after its sidecar came back, gRPC fails
    /// calls fast (Unavailable) until its reconnect backoff has run, as an app sees it in production.
    /// </summary>
    private static async Task<T> WhenSidecarAnswersAsync<T>(Func<Task<T>> call)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private async Task<(WorkflowState State, string InstanceId)> RunAsync<TInput>(string workflow, TInput input)
    {
        var instanceId = await Client.ScheduleNewWorkflowAsync(workflow, input: input);
        var state = await Client.WaitForWorkflowCompletionAsync(instanceId).WaitAsync(Within);
        Assert.True(state.RuntimeStatus == WorkflowRuntimeStatus.Completed, $"{state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
        return (state, instanceId);
    }
}
