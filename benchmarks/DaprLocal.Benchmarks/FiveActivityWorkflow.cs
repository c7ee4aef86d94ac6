using Dapr.Workflow;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>The measured workflow: five activities one after the other, each adding its step number.</summary>
public sealed class FiveActivityWorkflow : Workflow<int, int>
{
    public const int Activities = 5;

    public override async Task<int> RunAsync(WorkflowContext context, int input)
    {
        var total = input;
        for (var step = 1; step <= Activities; step++)
        {
            total = await context.CallActivityAsync<int>(nameof(StepActivity), new Step(total, step));
        }
        return total;
    }
}

public sealed record Step(int Total, int Number);

public sealed class StepActivity : WorkflowActivity<Step, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, Step input) => Task.FromResult(input.Total + input.Number);
}

/// <summary>One concurrency level: the workflows run and the persistence floor of the same run.</summary>
internal sealed record WorkflowScenarioResult(int Concurrency, ClosedLoopResult Workflows, ClosedLoopResult Floor)
{
    /// <summary>Workflows/s as a share of the most the store allows for six commits each.</summary>
    public double ShareOfFloor => Workflows.PerSecond / Floor.PerSecond;
}
