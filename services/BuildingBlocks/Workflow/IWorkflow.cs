namespace Dapr.Workflow;

/// <summary>
/// A workflow the runtime can start without knowing its generic types; implemented by
/// <see cref="Workflow{TInput, TOutput}"/>.
/// </summary>
public interface IWorkflow
{
    /// <summary>The type the JSON input is deserialized into.</summary>
    Type InputType { get; }

    /// <summary>The type of the value the workflow returns.</summary>
    Type OutputType { get; }

    /// <summary>Runs the workflow with an already deserialized input.</summary>
    Task<object?> RunAsync(WorkflowContext context, object? input);
}
