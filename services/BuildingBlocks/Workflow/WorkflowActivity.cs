namespace Dapr.Workflow;

/// <summary>
/// Base class of an activity: the unit of real work (I/O, calls to other services) a workflow schedules.
/// </summary>
/// <remarks>
/// Activities run at least once: after a crash or a lost connection the sidecar dispatches them again,
/// so make them idempotent (<see cref="WorkflowActivityContext.TaskExecutionKey"/> is a stable key for that).
/// A new instance is created through dependency injection for every execution, so constructors may take services.
/// </remarks>
/// <typeparam name="TInput">The JSON-serializable input type.</typeparam>
/// <typeparam name="TOutput">The JSON-serializable output type.</typeparam>
public abstract class WorkflowActivity<TInput, TOutput> : IWorkflowActivity
{
    Type IWorkflowActivity.InputType => typeof(TInput);

    Type IWorkflowActivity.OutputType => typeof(TOutput);

    async Task<object?> IWorkflowActivity.RunAsync(WorkflowActivityContext context, object? input) =>
        await RunAsync(context, (TInput)input!);

    /// <summary>The activity's logic; an exception fails the calling workflow task.</summary>
    public abstract Task<TOutput> RunAsync(WorkflowActivityContext context, TInput input);
}
