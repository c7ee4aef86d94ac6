using Dapr.Workflow;
using Ecommerce.Workflow.Protocol;
using Ecommerce.Workflow.Tests.Support;
using static Ecommerce.Workflow.Tests.Support.History;

namespace Ecommerce.Workflow.Tests;

public class FailureAndRetryTests
{
    [Fact]
    public void A_failed_activity_throws_into_the_workflow_which_compensates()
    {
        WorkflowTaskFailureDetails? seen = null;
        async Task<string?> Saga(WorkflowContext context, string? input)
        {
            await context.CallActivityAsync("Reserve", "order-1");
            try
            {
                await context.CallActivityAsync("Charge", "order-1");
                return "charged";
            }
            catch (WorkflowTaskFailedException failure)
            {
                seen = failure.FailureDetails;
                await context.CallActivityAsync("Release", "order-1");
                return "compensated";
            }
        }

        var instance = new RecordedInstance("Saga", Saga);
        instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Saga"));
        instance.RunTurn(WorkflowStarted(T0), TaskCompleted(0, null));

        var afterFailure = instance.RunTurn(WorkflowStarted(T0), TaskFailed(1, typeof(InvalidOperationException).FullName!, "card declined"));

        var compensation = Assert.Single(afterFailure.Actions);
        Assert.Equal(2, compensation.Id);
        Assert.Equal("Release", compensation.ScheduleTask.Name);
        Assert.Equal("card declined", seen?.ErrorMessage);
        Assert.True(seen?.IsCausedBy<InvalidOperationException>());
        Assert.False(seen?.IsCausedBy<ArgumentException>());

        var done = instance.RunTurn(WorkflowStarted(T0), TaskCompleted(2, null));
        Assert.Equal("\"compensated\"", done.Completion()?.Result);
    }

    [Fact]
    public void An_unhandled_exception_fails_the_workflow_with_its_type_message_and_stack()
    {
        var response = Turns.Run(
            "Broken",
            async (context, input) =>
            {
                await context.CallActivityAsync("A");
                throw new InvalidOperationException("out of stock");
            },
            [WorkflowStarted(T0), ExecutionStarted("Broken"), TaskScheduled(0, "A")],
            [WorkflowStarted(T0), TaskCompleted(0, null)]);

        var failed = response.Completion()!;
        Assert.Equal(OrchestrationStatus.Failed, failed.WorkflowStatus);
        Assert.Equal("System.InvalidOperationException", failed.FailureDetails.ErrorType);
        Assert.Equal("out of stock", failed.FailureDetails.ErrorMessage);
        Assert.False(string.IsNullOrEmpty(failed.FailureDetails.StackTrace));
    }

    [Fact]
    public void An_unregistered_workflow_fails_with_WorkflowNotFound()
    {
        var response = Turns.Run("Known", (context, input) => Task.FromResult(input), [], [WorkflowStarted(T0), ExecutionStarted("Unknown")]);

        var failed = Assert.Single(response.Actions).CompleteWorkflow;
        Assert.Equal(OrchestrationStatus.Failed, failed.WorkflowStatus);
        Assert.Equal("WorkflowNotFound", failed.FailureDetails.ErrorType);
    }

    [Fact]
    public void Retries_wait_on_durable_timers_with_backoff_then_schedule_a_new_task()
    {
        var policy = new WorkflowRetryPolicy(3, TimeSpan.FromSeconds(5), backoffCoefficient: 2);
        var instance = new RecordedInstance("Pay", async (context, input) =>
            await context.CallActivityAsync<string>("Charge", "order-1", new WorkflowTaskOptions(policy)));

        var first = instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Pay"));
        var firstAttempt = Assert.Single(first.Actions).ScheduleTask;

        var failedAt = T0.AddSeconds(10);
        var wait1 = Assert.Single(instance.RunTurn(WorkflowStarted(failedAt), TaskFailed(0, "Timeout", "gateway")).Actions);
        Assert.Equal(1, wait1.Id);
        Assert.Equal(failedAt.AddSeconds(5), wait1.CreateTimer.FireAt.ToDateTime());

        var retry = Assert.Single(instance.RunTurn(WorkflowStarted(failedAt.AddSeconds(5)), TimerFired(1, failedAt.AddSeconds(5))).Actions);
        Assert.Equal(2, retry.Id);
        Assert.Equal("Charge", retry.ScheduleTask.Name);
        Assert.Equal(firstAttempt.TaskExecutionId, retry.ScheduleTask.TaskExecutionId);

        var failedAgainAt = T0.AddMinutes(1);
        var wait2 = Assert.Single(instance.RunTurn(WorkflowStarted(failedAgainAt), TaskFailed(2, "Timeout", "gateway")).Actions);
        Assert.Equal(failedAgainAt.AddSeconds(10), wait2.CreateTimer.FireAt.ToDateTime());

        instance.RunTurn(WorkflowStarted(failedAgainAt.AddSeconds(10)), TimerFired(3, failedAgainAt.AddSeconds(10)));
        var gaveUp = instance.RunTurn(WorkflowStarted(T0.AddMinutes(2)), TaskFailed(4, "Timeout", "gateway still down")).Completion()!;

        Assert.Equal(OrchestrationStatus.Failed, gaveUp.WorkflowStatus);
        Assert.Contains("gateway still down", gaveUp.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_delays_are_capped_and_a_retry_timeout_stops_further_attempts()
    {
        var policy = new WorkflowRetryPolicy(10, TimeSpan.FromSeconds(10), 3, maxRetryInterval: TimeSpan.FromSeconds(20), retryTimeout: TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.DelayAfterAttempt(1));
        Assert.Equal(TimeSpan.FromSeconds(20), policy.DelayAfterAttempt(2));

        var instance = new RecordedInstance("Pay", async (context, input) =>
            await context.CallActivityAsync<string>("Charge", null, new WorkflowTaskOptions(policy)));
        instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Pay"));

        var tooLate = instance.RunTurn(WorkflowStarted(T0.AddMinutes(2)), TaskFailed(0, "Timeout", "slow")).Completion();
        Assert.Equal(OrchestrationStatus.Failed, tooLate?.WorkflowStatus);
    }

    [Fact]
    public void Awaiting_something_that_is_not_a_workflow_task_fails_the_turn_instead_of_hanging()
    {
        using var never = new SemaphoreSlim(0);
        var response = Turns.Run(
            "Foreign",
            async (context, input) =>
            {
                await never.WaitAsync();
                return "unreachable";
            },
            [],
            [WorkflowStarted(T0), ExecutionStarted("Foreign")]);

        var failed = Assert.Single(response.Actions).CompleteWorkflow;
        Assert.Equal(OrchestrationStatus.Failed, failed.WorkflowStatus);
        Assert.Contains("WorkflowContext", failed.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }
}
