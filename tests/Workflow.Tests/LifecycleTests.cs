using Dapr.Workflow;
using Ecommerce.Workflow.Protocol;
using Ecommerce.Workflow.Tests.Support;
using static Ecommerce.Workflow.Tests.Support.History;

namespace Ecommerce.Workflow.Tests;

public class LifecycleTests
{
    private static async Task<string?> ShipThroughChild(WorkflowContext context, string? input)
    {
        try
        {
            return await context.CallChildWorkflowAsync<string>("Shipping", input, new ChildWorkflowTaskOptions("ship-1"));
        }
        catch (WorkflowTaskFailedException failure)
        {
            return "child failed: " + failure.FailureDetails.ErrorMessage;
        }
    }

    [Fact]
    public void A_child_workflow_is_created_and_its_result_returned()
    {
        var instance = new RecordedInstance("Order", ShipThroughChild);
        var create = Assert.Single(instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Order", "\"order-1\"")).Actions);
        Assert.Equal(0, create.Id);
        Assert.Equal("Shipping", create.CreateChildWorkflow.Name);
        Assert.Equal("ship-1", create.CreateChildWorkflow.InstanceId);
        Assert.Equal("\"order-1\"", create.CreateChildWorkflow.Input);

        var done = instance.RunTurn(WorkflowStarted(T0), ChildCompleted(0, "\"shipped\""));
        Assert.Equal("\"shipped\"", done.Completion()?.Result);
    }

    [Fact]
    public void A_failed_child_workflow_throws_WorkflowTaskFailedException()
    {
        var instance = new RecordedInstance("Order", ShipThroughChild);
        instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Order"));

        var done = instance.RunTurn(WorkflowStarted(T0), ChildFailed(0, "System.InvalidOperationException", "no courier"));

        Assert.Equal("\"child failed: no courier\"", done.Completion()?.Result);
    }

    [Fact]
    public void A_child_without_an_instance_id_gets_a_replay_safe_one()
    {
        static async Task<string?> Parent(WorkflowContext context, string? input) => await context.CallChildWorkflowAsync<string>("Child");

        var first = Turns.Run("Parent", Parent, [], [WorkflowStarted(T0), ExecutionStarted("Parent")]);
        var again = Turns.Run("Parent", Parent, [], [WorkflowStarted(T0), ExecutionStarted("Parent")]);

        var childId = Assert.Single(first.Actions).CreateChildWorkflow.InstanceId;
        Assert.True(Guid.TryParse(childId, out _));
        Assert.Equal(childId, Assert.Single(again.Actions).CreateChildWorkflow.InstanceId);
    }

    [Fact]
    public void ContinueAsNew_completes_with_the_new_input_and_carries_over_unconsumed_events()
    {
        static async Task<string?> Loop(WorkflowContext context, string? input)
        {
            var count = int.Parse(input!, System.Globalization.CultureInfo.InvariantCulture);
            await context.WaitForExternalEventAsync<string>("Tick");
            context.ContinueAsNew((count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        var response = Turns.Run(
            "Loop",
            Loop,
            [WorkflowStarted(T0), ExecutionStarted("Loop", "\"1\"")],
            [WorkflowStarted(T0), EventRaised("Tick", "\"a\""), EventRaised("Tick", "\"b\""), EventRaised("Other", "\"c\"")]);

        var continued = Assert.Single(response.Actions).CompleteWorkflow;
        Assert.Equal(OrchestrationStatus.ContinuedAsNew, continued.WorkflowStatus);
        Assert.Equal("\"2\"", continued.Result);
        Assert.Equal(["\"b\"", "\"c\""], continued.CarryoverEvents.Select(e => e.EventRaised.Input));
    }

    [Fact]
    public void ContinueAsNew_without_preserving_events_carries_nothing_over()
    {
        var response = Turns.Run(
            "Loop",
            (context, input) =>
            {
                context.ContinueAsNew("next", preserveUnprocessedEvents: false);
                return Task.FromResult<string?>(null);
            },
            [],
            [WorkflowStarted(T0), ExecutionStarted("Loop"), EventRaised("Tick", "\"a\"")]);

        Assert.Empty(Assert.Single(response.Actions).CompleteWorkflow.CarryoverEvents);
    }

    [Fact]
    public void Termination_completes_the_workflow_as_terminated_with_the_given_output_only()
    {
        var response = Turns.Run(
            "Long",
            async (context, input) =>
            {
                await context.CallActivityAsync("A");
                await context.CallActivityAsync("B");
                return "done";
            },
            [WorkflowStarted(T0), ExecutionStarted("Long"), TaskScheduled(0, "A")],
            [WorkflowStarted(T0), TaskCompleted(0, null), Terminated("\"cancelled by operator\"")]);

        var terminated = Assert.Single(response.Actions).CompleteWorkflow;
        Assert.Equal(OrchestrationStatus.Terminated, terminated.WorkflowStatus);
        Assert.Equal("\"cancelled by operator\"", terminated.Result);
    }

    [Fact]
    public void A_suspended_workflow_answers_with_no_actions_and_catches_up_when_resumed()
    {
        var instance = new RecordedInstance("Steps", async (context, input) =>
        {
            await context.CallActivityAsync("A");
            await context.CallActivityAsync("B");
            return "done";
        });
        instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Steps"));

        var suspended = instance.RunTurn(WorkflowStarted(T0), Suspended(), TaskCompleted(0, null));
        Assert.Empty(suspended.Actions);

        var resumed = instance.RunTurn(WorkflowStarted(T0), Resumed());
        var next = Assert.Single(resumed.Actions);
        Assert.Equal(1, next.Id);
        Assert.Equal("B", next.ScheduleTask.Name);
    }
}
