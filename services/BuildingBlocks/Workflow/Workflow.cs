namespace Dapr.Workflow;

/// <summary>
/// Base class of a workflow: durable, replayed code that orchestrates activities, timers, events
/// and child workflows through its <see cref="WorkflowContext"/>.
/// </summary>
/// <remarks>
/// <para>
/// The runtime keeps no workflow in memory between steps: every time something happens (an activity
/// finishes, a timer fires, an event arrives) it runs <see cref="RunAsync"/> again from the start and
/// replays the recorded history into it. The code must therefore make the same decisions every time:
/// </para>
/// <list type="bullet">
/// <item>Only await tasks returned by the <see cref="WorkflowContext"/> (and <see cref="Task.WhenAll(Task[])"/>
/// or <see cref="Task.WhenAny(Task[])"/> over them). <c>Task.Run</c>, <c>Task.Delay</c>, I/O, locks and
/// <c>.Result</c>/<c>.Wait()</c> are forbidden: they leave the workflow thread or block it. A turn that ends
/// with the workflow waiting on anything else fails the workflow.</item>
/// <item>Never read the clock, random numbers, <see cref="Guid.NewGuid"/>, environment or configuration:
/// use <see cref="WorkflowContext.CurrentUtcDateTime"/>, <see cref="WorkflowContext.NewGuid"/>, or an activity.</item>
/// <item>Do side effects (HTTP, databases, messages) only in activities.</item>
/// <item>Log through <see cref="WorkflowContext.CreateReplaySafeLogger(string)"/> so replays do not repeat lines.</item>
/// </list>
/// <para>Changing the order or kind of context calls breaks instances that are already running.</para>
/// </remarks>
/// <typeparam name="TInput">The JSON-serializable input type.</typeparam>
/// <typeparam name="TOutput">The JSON-serializable output type.</typeparam>
public abstract class Workflow<TInput, TOutput> : IWorkflow
{
    Type IWorkflow.InputType => typeof(TInput);

    Type IWorkflow.OutputType => typeof(TOutput);

    async Task<object?> IWorkflow.RunAsync(WorkflowContext context, object? input) =>
        await RunAsync(context, (TInput)input!);

    /// <summary>The workflow's logic.</summary>
    /// <param name="context">Schedules durable work and tells the time of the current step.</param>
    /// <param name="input">The input the instance was started with.</param>
    public abstract Task<TOutput> RunAsync(WorkflowContext context, TInput input);
}
