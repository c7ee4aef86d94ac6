using Dapr.Client;
using Dapr.Workflow;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// Dapr Workflow through DaprLocal's engine: an app (the workflow SDK's worker and client in this
/// process) runs <see cref="FiveActivityWorkflow"/> instances against a sidecar whose actor store
/// is SQLite (the embedded profile's). Closed loop: each of N callers schedules an instance and
/// waits for its completion, then the next. The baseline of the same run is the persistence floor:
/// the same callers doing, through the same sidecar and store, the six state transactions that
/// the six turns of such a workflow commit at the least — what durability alone costs.
/// </summary>
internal sealed class WorkflowBenchmark : IAsyncDisposable
{
    /// <summary>Turns a five-activity workflow takes: the start, then one per activity result.</summary>
    public const int TurnsPerWorkflow = FiveActivityWorkflow.Activities + 1;

    private const string StoreName = "actor-store";

    private readonly TempDirectory _resources;
    private readonly BenchmarkSidecar _sidecar;
    private readonly IHost _app;
    private readonly DaprClient _dapr;
    private readonly DaprWorkflowClient _workflows;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private WorkflowBenchmark(TempDirectory resources, BenchmarkSidecar sidecar, IHost app)
    {
        _resources = resources;
        _sidecar = sidecar;
        _app = app;
        _workflows = app.Services.GetRequiredService<DaprWorkflowClient>();
        _dapr = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint.ToString()).UseHttpEndpoint(sidecar.HttpEndpoint.ToString()).Build();
    }

    public static async Task<WorkflowBenchmark> StartAsync(SharedRuntime shared)
    {
        var resources = new TempDirectory("daprlocal-bench-workflows-");
        BenchmarkSidecar? sidecar = null;
        try
        {
            ComponentYaml.WriteAll(resources.Path,
            [
                ("actor-store.yaml", ComponentYaml.Component(StoreName, "state.sqlite", ("connectionString", resources.Combine("actors.db")), ("actorStateStore", "true"))),
            ]);
            sidecar = await BenchmarkSidecar.StartAsync($"bench-workflows-{Guid.NewGuid():N}"[..24], resources.Path, appPort: null, shared);
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration["DAPR_GRPC_ENDPOINT"] = sidecar.GrpcEndpoint.ToString();
            builder.Services.AddDaprWorkflow(options =>
            {
                options.RegisterWorkflow<FiveActivityWorkflow>();
                options.RegisterActivity<StepActivity>();
            });
            var app = builder.Build();
            await app.StartAsync();
            return new WorkflowBenchmark(resources, sidecar, app);
        }
        catch
        {
            if (sidecar is not null)
            {
                await sidecar.DisposeAsync();
            }
            resources.Dispose();
            throw;
        }
    }

    /// <summary>For each concurrency: warm-up, the workflows measured, then the persistence floor measured.</summary>
    public async Task<IReadOnlyList<WorkflowScenarioResult>> RunAsync(IReadOnlyList<int> concurrencies, TimeSpan warmup, TimeSpan duration, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(concurrencies);
        ArgumentNullException.ThrowIfNull(progress);
        var results = new List<WorkflowScenarioResult>();
        foreach (var concurrency in concurrencies)
        {
            var loop = new ClosedLoop(concurrency);
            progress.WriteLine($"[workflows x{concurrency}] warm-up {warmup.TotalSeconds:0.#} s");
            await loop.RunAsync(sequence => RunWorkflowAsync($"warm-{concurrency}-{sequence}"), warmup);
            var workflows = await loop.RunAsync(sequence => RunWorkflowAsync($"{concurrency}-{sequence}"), duration);
            Report(progress, $"workflows x{concurrency}", "workflows/s", workflows);
            var floor = await loop.RunAsync(sequence => CommitSixTurnsAsync($"{concurrency}-{sequence}"), duration);
            Report(progress, $"floor x{concurrency}", "6-commit sets/s", floor);
            if (workflows.Summary.Succeeded == 0)
            {
                throw new BenchmarkFailureException($"every workflow failed at concurrency {concurrency}: {workflows.Summary.FirstFailure}");
            }
            results.Add(new WorkflowScenarioResult(concurrency, workflows, floor));
        }
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        _dapr.Dispose();
        await _app.StopAsync();
        _app.Dispose();
        await _sidecar.DisposeAsync();
        _resources.Dispose();
    }

    private async Task RunWorkflowAsync(string name)
    {
        var instanceId = $"{_run}-{name}";
        await _workflows.ScheduleNewWorkflowAsync(nameof(FiveActivityWorkflow), instanceId, 10);
        var state = await _workflows.WaitForWorkflowCompletionAsync(instanceId, getInputsAndOutputs: true);
        // A wrong answer must not pass as a fast one: 10 + 1 + 2 + 3 + 4 + 5.
        if (state.RuntimeStatus != WorkflowRuntimeStatus.Completed || state.ReadOutputAs<int>() != 25)
        {
            throw new InvalidOperationException($"workflow {instanceId} ended {state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
        }
    }

    /// <summary>Six transactions of two small keys each: a turn's history append and its metadata, nothing else.</summary>
    private async Task CommitSixTurnsAsync(string name)
    {
        var history = new byte[160];
        var metadata = new byte[12];
        for (var turn = 0; turn < TurnsPerWorkflow; turn++)
        {
            await _dapr.ExecuteStateTransactionAsync(StoreName,
            [
                new StateTransactionRequest($"{_run}-floor-{name}-history-{turn:D6}", history, StateOperationType.Upsert),
                new StateTransactionRequest($"{_run}-floor-{name}-metadata", metadata, StateOperationType.Upsert),
            ]);
        }
    }

    private static void Report(TextWriter progress, string name, string unit, ClosedLoopResult run) =>
        progress.WriteLine(
            $"[{name}] {run.PerSecond,8:0.0} {unit}  p50 {run.Summary.P50Ms,8:0.00} ms  p99 {run.Summary.P99Ms,8:0.00} ms  failed {run.Summary.Failures}/{run.Summary.Count}");
}
