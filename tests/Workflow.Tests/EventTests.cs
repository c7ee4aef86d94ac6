using Dapr.Workflow;
using Ecommerce.Workflow.Protocol;
using Ecommerce.Workflow.Tests.Support;
using static Ecommerce.Workflow.Tests.Support.History;

namespace Ecommerce.Workflow.Tests;

public class EventTests
{
    private static async Task<string?> ReserveThenAwaitPayment(WorkflowContext context, string? input)
    {
        await context.CallActivityAsync("Reserve");
        var payment = await context.WaitForExternalEventAsync<Payment>("PaymentConfirmed");
        return payment.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void An_event_raised_before_the_workflow_waits_for_it_is_delivered_when_it_does()
    {
        var instance = new RecordedInstance("Checkout", ReserveThenAwaitPayment);
        instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Checkout"));
        Assert.Empty(instance.RunTurn(WorkflowStarted(T0), EventRaised("PaymentConfirmed", "{\"amount\":42}")).Actions);

        var done = instance.RunTurn(WorkflowStarted(T0), TaskCompleted(0, null));

        Assert.Equal("\"42\"", done.Completion()?.Result);
    }

    [Fact]
    public void Event_names_match_case_insensitively_and_same_named_events_arrive_in_order()
    {
        var instance = new RecordedInstance("Twice", async (context, input) =>
        {
            var first = await context.WaitForExternalEventAsync<int>("Approval");
            var second = await context.WaitForExternalEventAsync<int>("APPROVAL");
            return $"{first},{second}";
        });
        instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Twice"));

        var done = instance.RunTurn(WorkflowStarted(T0), EventRaised("approval", "1"), EventRaised("aPPROVAL", "2"));

        Assert.Equal("\"1,2\"", done.Completion()?.Result);
    }

    private static async Task<string?> PayWithin15Minutes(WorkflowContext context, string? input)
    {
        try
        {
            var payment = await context.WaitForExternalEventAsync<Payment>("PaymentConfirmed", TimeSpan.FromMinutes(15));
            return $"paid {payment.Amount}";
        }
        catch (TaskCanceledException)
        {
            await context.CallActivityAsync("Release");
            return "timed out";
        }
    }

    [Fact]
    public void Waiting_with_a_timeout_creates_a_timer_and_the_event_wins_when_it_comes_first()
    {
        var instance = new RecordedInstance("Pay", PayWithin15Minutes);
        var timer = Assert.Single(instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Pay")).Actions);
        Assert.Equal(T0.AddMinutes(15), timer.CreateTimer.FireAt.ToDateTime());

        var done = instance.RunTurn(WorkflowStarted(T0.AddMinutes(3)), EventRaised("paymentconfirmed", "{\"amount\":7}"));
        Assert.Equal("\"paid 7\"", done.Completion()?.Result);

        // The backend drops the late timer after completion; replayed anyway it changes nothing.
        var replay = Turns.Run("Pay", PayWithin15Minutes, instance.History, [WorkflowStarted(T0.AddMinutes(15)), TimerFired(0, T0.AddMinutes(15))]);
        Assert.Equal("\"paid 7\"", replay.Completion()?.Result);
    }

    [Fact]
    public void Waiting_with_a_timeout_throws_TaskCanceledException_when_the_timer_fires_first()
    {
        var instance = new RecordedInstance("Pay", PayWithin15Minutes);
        instance.RunTurn(WorkflowStarted(T0), ExecutionStarted("Pay"));

        var compensation = Assert.Single(instance.RunTurn(WorkflowStarted(T0.AddMinutes(15)), TimerFired(0, T0.AddMinutes(15))).Actions);
        Assert.Equal("Release", compensation.ScheduleTask.Name);

        // A late event is not consumed by the abandoned wait.
        var done = instance.RunTurn(WorkflowStarted(T0.AddMinutes(16)), EventRaised("PaymentConfirmed", "{\"amount\":7}"), TaskCompleted(1, null));
        Assert.Equal("\"timed out\"", done.Completion()?.Result);
    }

    [Fact]
    public void SendEvent_schedules_a_send_action_with_the_target_and_payload()
    {
        var response = Turns.Run(
            "Notify",
            (context, input) =>
            {
                context.SendEvent("other-instance", "Shipped", new { TrackingNumber = "T-1" });
                return Task.FromResult<string?>(null);
            },
            [],
            [WorkflowStarted(T0), ExecutionStarted("Notify")]);

        Assert.Collection(
            response.Actions,
            send =>
            {
                Assert.Equal(0, send.Id);
                Assert.Equal("other-instance", send.SendEvent.Instance.InstanceId);
                Assert.Equal("Shipped", send.SendEvent.Name);
                Assert.Equal("{\"trackingNumber\":\"T-1\"}", send.SendEvent.Data);
            },
            complete => Assert.Equal(OrchestrationStatus.Completed, complete.CompleteWorkflow.WorkflowStatus));
    }

    private sealed record Payment(decimal Amount);
}
