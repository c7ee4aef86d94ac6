using Dapr.Workflow;
using Ecommerce.Workflow.Protocol;
using Ecommerce.Workflow.Tests.Support;
using static Ecommerce.Workflow.Tests.Support.History;

namespace Ecommerce.Workflow.Tests;

public class ReplayTests
{
    private static readonly string[] Steps = ["Reserve", "Charge", "Pack", "Ship", "Notify"];

    // Each step gets the previous step's result: "order" -> "order>Reserve" -> ...
    private static async Task<string?> FiveSteps(WorkflowContext context, string? input)
    {
        var value = input;
        foreach (var step in Steps)
        {
            value = await context.CallActivityAsync<string>(step, value);
        }

        return value;
    }

    [Fact]
    public void First_turn_schedules_the_first_activity_with_id_0()
    {
        var response = Turns.Run("Checkout", FiveSteps, [], [WorkflowStarted(T0), ExecutionStarted("Checkout", "\"order\"")]);

        var action = Assert.Single(response.Actions);
        Assert.Equal(0, action.Id);
        Assert.Equal("Reserve", action.ScheduleTask.Name);
        Assert.Equal("\"order\"", action.ScheduleTask.Input);
        Assert.Equal(Turns.InstanceId, response.InstanceId);
        Assert.Null(response.CustomStatus);
    }

    [Fact]
    public void Each_turn_schedules_the_next_activity_with_the_next_id()
    {
        var instance = new RecordedInstance("Checkout", FiveSteps);
        instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Checkout", "\"order\""));

        for (var step = 1; step < Steps.Length; step++)
        {
            var response = instance.RunTurn(WorkflowStarted(T0.AddSeconds(step)), TaskCompleted(step - 1, $"\"after-{step - 1}\""));

            var action = Assert.Single(response.Actions);
            Assert.Equal(step, action.Id);
            Assert.Equal(Steps[step], action.ScheduleTask.Name);
            Assert.Equal($"\"after-{step - 1}\"", action.ScheduleTask.Input);
        }
    }

    [Fact]
    public void Replaying_a_full_five_step_history_returns_only_the_completion()
    {
        var past = new List<HistoryEvent> { WorkflowStarted(T0), ExecutionStarted("Checkout", "\"order\""), TaskScheduled(0, "Reserve") };
        for (var step = 1; step < Steps.Length; step++)
        {
            past.AddRange([WorkflowStarted(T0.AddSeconds(step)), TaskCompleted(step - 1, $"\"r{step - 1}\""), TaskScheduled(step, Steps[step])]);
        }

        var response = Turns.Run("Checkout", FiveSteps, past, [WorkflowStarted(T0.AddSeconds(9)), TaskCompleted(4, "\"done\"")]);

        var action = Assert.Single(response.Actions);
        Assert.Equal(OrchestrationStatus.Completed, action.CompleteWorkflow.WorkflowStatus);
        Assert.Equal("\"done\"", action.CompleteWorkflow.Result);
        Assert.Equal(5, action.Id);
    }

    [Fact]
    public void Fan_out_schedules_all_activities_in_one_turn_and_fan_in_waits_for_all()
    {
        static async Task<string?> FanOut(WorkflowContext context, string? input)
        {
            var parts = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => context.CallActivityAsync<int>("Count", i)));
            return parts.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var instance = new RecordedInstance("FanOut", FanOut);
        var first = instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("FanOut"));
        Assert.Equal([0, 1, 2], first.Actions.Select(a => a.Id));
        Assert.Equal(["0", "1", "2"], first.Actions.Select(a => a.ScheduleTask.Input));

        // Answers arrive out of order and over two turns; the workflow finishes only with all three.
        var partial = instance.RunTurn(WorkflowStarted(T0.AddSeconds(1)), TaskCompleted(2, "30"), TaskCompleted(0, "10"));
        Assert.Empty(partial.Actions);

        var last = instance.RunTurn(WorkflowStarted(T0.AddSeconds(2)), TaskCompleted(1, "20"));
        Assert.Equal("\"60\"", last.Completion()?.Result);
    }

    [Fact]
    public void A_fresh_worker_given_the_same_history_returns_identical_actions()
    {
        var instance = new RecordedInstance("Checkout", FiveSteps);
        instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Checkout", "\"order\""));
        instance.RunTurn(WorkflowStarted(T0.AddSeconds(1)), TaskCompleted(0, "\"a\""));
        HistoryEvent[] next = [WorkflowStarted(T0.AddSeconds(2)), TaskCompleted(1, "\"b\"")];

        // Two independent executors (a worker restart in between) see the same request.
        var before = Turns.Run("Checkout", FiveSteps, instance.History, next);
        var after = Turns.Run("Checkout", FiveSteps, instance.History, next);

        Assert.Equal(before, after);
        Assert.Equal("Pack", Assert.Single(after.Actions).ScheduleTask.Name);
    }

    [Fact]
    public void IsReplaying_is_true_for_past_events_and_false_for_new_ones()
    {
        var observed = new List<bool>();
        async Task<string?> Observe(WorkflowContext context, string? input)
        {
            observed.Add(context.IsReplaying);
            await context.CallActivityAsync("A");
            observed.Add(context.IsReplaying);
            await context.CallActivityAsync("B");
            observed.Add(context.IsReplaying);
            return null;
        }

        Turns.Run(
            "Observe",
            Observe,
            [WorkflowStarted(T0), ExecutionStarted("Observe"), TaskScheduled(0, "A"), WorkflowStarted(T0), TaskCompleted(0, null), TaskScheduled(1, "B")],
            [WorkflowStarted(T0), TaskCompleted(1, null)]);

        Assert.Equal([true, true, false], observed);
    }

    [Fact]
    public void CurrentUtcDateTime_is_the_time_of_the_latest_WorkflowStarted_and_drives_timers()
    {
        var times = new List<DateTime>();
        async Task<string?> Sleepy(WorkflowContext context, string? input)
        {
            times.Add(context.CurrentUtcDateTime);
            await context.CreateTimer(TimeSpan.FromMinutes(5));
            times.Add(context.CurrentUtcDateTime);
            await context.CreateTimer(TimeSpan.FromMinutes(5));
            return null;
        }

        var instance = new RecordedInstance("Sleepy", Sleepy);
        var first = instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Sleepy"));
        Assert.Equal(T0.AddMinutes(5), Assert.Single(first.Actions).CreateTimer.FireAt.ToDateTime());

        var firedAt = T0.AddMinutes(5).AddSeconds(3);
        var second = instance.RunTurn(WorkflowStarted(firedAt), TimerFired(0, T0.AddMinutes(5)));

        var timer = Assert.Single(second.Actions);
        Assert.Equal(1, timer.Id);
        Assert.Equal(firedAt.AddMinutes(5), timer.CreateTimer.FireAt.ToDateTime());
        Assert.Equal([T0, firedAt], times.TakeLast(2));
        Assert.All(times, time => Assert.Equal(DateTimeKind.Utc, time.Kind));
    }

    [Fact]
    public void NewGuid_is_the_same_on_every_replay_and_differs_per_call()
    {
        var guids = new List<Guid>();
        async Task<string?> Guids(WorkflowContext context, string? input)
        {
            guids.Add(context.NewGuid());
            guids.Add(context.NewGuid());
            await context.CallActivityAsync("A");
            return null;
        }

        var instance = new RecordedInstance("Guids", Guids);
        instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Guids"));
        instance.RunTurn(WorkflowStarted(T0.AddSeconds(1)), TaskCompleted(0, null));

        Assert.Equal(4, guids.Count);
        Assert.NotEqual(guids[0], guids[1]);
        Assert.Equal(guids[0], guids[2]);
        Assert.Equal(guids[1], guids[3]);
        Assert.Equal(5, guids[0].Version);
    }

    [Fact]
    public void Custom_status_is_the_json_of_the_last_value_set_and_is_sent_every_turn()
    {
        static async Task<string?> Progress(WorkflowContext context, string? input)
        {
            context.SetCustomStatus(new { Stage = "Reserving" });
            await context.CallActivityAsync("Reserve");
            context.SetCustomStatus(new { Stage = "Charging" });
            await context.CallActivityAsync("Charge");
            return null;
        }

        var instance = new RecordedInstance("Progress", Progress);
        Assert.Equal("{\"stage\":\"Reserving\"}", instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Progress")).CustomStatus);
        Assert.Equal("{\"stage\":\"Charging\"}", instance.RunTurn(WorkflowStarted(T0), TaskCompleted(0, null)).CustomStatus);
        Assert.Equal("{\"stage\":\"Charging\"}", instance.RunTurn(WorkflowStarted(T0)).CustomStatus);
    }

    [Fact]
    public void History_that_the_code_no_longer_matches_fails_the_workflow_as_non_deterministic()
    {
        // The history says "Reserve" was scheduled at id 0; the code (changed since) now calls "Charge" first.
        var response = Turns.Run(
            "Checkout",
            async (context, input) => await context.CallActivityAsync<string>("Charge"),
            [WorkflowStarted(T0), ExecutionStarted("Checkout"), TaskScheduled(0, "Reserve")],
            [WorkflowStarted(T0), TaskCompleted(0, "\"ok\"")]);

        var failed = Assert.Single(response.Actions).CompleteWorkflow;
        Assert.Equal(OrchestrationStatus.Failed, failed.WorkflowStatus);
        Assert.Contains("NonDeterministic", failed.FailureDetails.ErrorType, StringComparison.Ordinal);
        Assert.Contains("Reserve", failed.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timer_in_history_where_the_code_now_calls_an_activity_is_non_deterministic()
    {
        var mismatch = Turns.Run(
            "Slow",
            async (context, input) => await context.CallActivityAsync<string>("A"),
            [WorkflowStarted(T0), ExecutionStarted("Slow"), TimerCreated(0, T0)],
            [WorkflowStarted(T0)]);

        Assert.Contains("NonDeterministic", mismatch.Completion()?.FailureDetails.ErrorType, StringComparison.Ordinal);
    }

    [Fact]
    public void A_completion_that_arrives_before_its_task_is_scheduled_is_kept_until_it_is()
    {
        var response = Turns.Run(
            "Early",
            async (context, input) =>
            {
                await context.CreateTimer(T0.AddMinutes(1), CancellationToken.None);
                return await context.CallActivityAsync<string>("A");
            },
            [WorkflowStarted(T0), ExecutionStarted("Early"), TimerCreated(0, T0.AddMinutes(1))],
            [WorkflowStarted(T0.AddMinutes(1)), TaskCompleted(1, "\"early\""), TimerFired(0, T0.AddMinutes(1))]);

        Assert.Equal("\"early\"", response.Completion()?.Result);
    }
}
