using Dapr.Workflow;

namespace Ecommerce.Workflow.TestApp;

/// <summary>The workflows and activities the integration tests run, each showing one feature.</summary>
public static class TestWorkflows
{
    public static void Register(WorkflowRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RegisterWorkflow<ChainingWorkflow>();
        options.RegisterWorkflow<FanOutFanInWorkflow>();
        options.RegisterWorkflow<RetryingWorkflow>();
        options.RegisterWorkflow<CompensatingWorkflow>();
        options.RegisterWorkflow<ApprovalWorkflow>();
        options.RegisterWorkflow<TimerWorkflow>();
        options.RegisterWorkflow<ParentWorkflow>();
        options.RegisterWorkflow<ChildWorkflow>();
        options.RegisterWorkflow<WaitForeverWorkflow>();
        options.RegisterWorkflow<GatedWorkflow>();
        options.RegisterActivity<GreetActivity>();
        options.RegisterActivity<DoubleActivity>();
        options.RegisterActivity<FlakyActivity>();
        options.RegisterActivity<RecordActivity>();
        options.RegisterActivity<DeclinedPaymentActivity>();
        options.RegisterActivity<GatedActivity>();
    }
}

public sealed class ChainingWorkflow : Workflow<string[], string[]>
{
    public override async Task<string[]> RunAsync(WorkflowContext context, string[] input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var greetings = new List<string>();
        foreach (var city in input)
        {
            greetings.Add(await context.CallActivityAsync<string>(nameof(GreetActivity), city));
        }
        return [.. greetings];
    }
}

public sealed class FanOutFanInWorkflow : Workflow<int, int>
{
    public override async Task<int> RunAsync(WorkflowContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var doubled = await Task.WhenAll(Enumerable.Range(1, input).Select(n => context.CallActivityAsync<int>(nameof(DoubleActivity), n)));
        return doubled.Sum();
    }
}

/// <summary>Calls an activity that fails twice, under a retry policy with backoff.</summary>
public sealed class RetryingWorkflow : Workflow<string, string>
{
    public static readonly WorkflowRetryPolicy Policy = new(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromMilliseconds(300), backoffCoefficient: 2);

    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await context.CallActivityAsync<string>(nameof(FlakyActivity), input, new WorkflowTaskOptions(Policy));
    }
}

/// <summary>A saga in miniature: reserve, charge (declined), then undo the reservation.</summary>
public sealed class CompensatingWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.CallActivityAsync<string>(nameof(RecordActivity), $"reserve {input}");
        try
        {
            await context.CallActivityAsync<string>(nameof(DeclinedPaymentActivity), input);
            return "charged";
        }
        catch (WorkflowTaskFailedException failure) when (failure.FailureDetails.IsCausedBy<InvalidOperationException>())
        {
            await context.CallActivityAsync<string>(nameof(RecordActivity), $"release {input}");
            return $"compensated: {failure.FailureDetails.ErrorMessage}";
        }
    }
}

public sealed record Decision(bool Approved, string By);

/// <summary>Waits for an approval with a timeout (input: seconds), showing the status while it waits.</summary>
public sealed class ApprovalWorkflow : Workflow<int, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetCustomStatus("awaiting approval");
        try
        {
            var decision = await context.WaitForExternalEventAsync<Decision>("Approval", TimeSpan.FromSeconds(input));
            return decision.Approved ? $"approved by {decision.By}" : $"rejected by {decision.By}";
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }
}

/// <summary>Sleeps on a durable timer and reports the workflow time that passed.</summary>
public sealed class TimerWorkflow : Workflow<int, double>
{
    public override async Task<double> RunAsync(WorkflowContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var before = context.CurrentUtcDateTime;
        await context.CreateTimer(TimeSpan.FromSeconds(input));
        return (context.CurrentUtcDateTime - before).TotalSeconds;
    }
}

public sealed class ParentWorkflow : Workflow<int, int>
{
    public override async Task<int> RunAsync(WorkflowContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var child = await context.CallChildWorkflowAsync<int>(nameof(ChildWorkflow), input, new ChildWorkflowTaskOptions($"{context.InstanceId}-child"));
        return child + 1;
    }
}

public sealed class ChildWorkflow : Workflow<int, int>
{
    public override async Task<int> RunAsync(WorkflowContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await context.CallActivityAsync<int>(nameof(DoubleActivity), input);
    }
}

public sealed class WaitForeverWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await context.WaitForExternalEventAsync<string>("never");
    }
}

/// <summary>Step one, a gated activity (the app may die inside it), a durable timer, step two.</summary>
public sealed class GatedWorkflow : Workflow<string, string[]>
{
    public override async Task<string[]> RunAsync(WorkflowContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = await context.CallActivityAsync<string>(nameof(RecordActivity), $"{input}: step 1");
        var gated = await context.CallActivityAsync<string>(nameof(GatedActivity), input);
        await context.CreateTimer(TimeSpan.FromSeconds(1));
        var last = await context.CallActivityAsync<string>(nameof(RecordActivity), $"{input}: step 2");
        return [first, gated, last];
    }
}

public sealed class GreetActivity : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input) => Task.FromResult($"Hello, {input}!");
}

public sealed class DoubleActivity : WorkflowActivity<int, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, int input) => Task.FromResult(input * 2);
}

/// <summary>Fails the first two times it runs for an instance: a transient fault.</summary>
public sealed class FlakyActivity(ActivityLog log) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = $"flaky {context.InstanceId}";
        log.Add(entry);
        var attempt = log.Count(entry);
        return attempt < 3
            ? throw new TimeoutException($"transient fault on attempt {attempt}")
            : Task.FromResult($"{input} after {attempt} attempts");
    }
}

public sealed class RecordActivity(ActivityLog log) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Add(input);
        return Task.FromResult(input);
    }
}

public sealed class DeclinedPaymentActivity(ActivityLog log) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Add($"charge {input}");
        throw new InvalidOperationException("card declined");
    }
}

/// <summary>Waits for the app's gate: closed in an app that is about to be killed, open otherwise.</summary>
public sealed class GatedActivity(ActivityLog log, ActivityGate gate) : WorkflowActivity<string, string>
{
    public override async Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Add($"{input}: gated started");
        await gate.Opened;
        log.Add($"{input}: gated done");
        return $"{input}: gated";
    }
}

/// <summary>Holds <see cref="GatedActivity"/> until opened.</summary>
public sealed class ActivityGate(bool open)
{
    private readonly TaskCompletionSource _opened = NewSource(open);

    public Task Opened => _opened.Task;

    private static TaskCompletionSource NewSource(bool open)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            source.SetResult();
        }
        return source;
    }
}
