namespace Dapr.Workflow;

/// <summary>
/// An activity the runtime can run without knowing its generic types; implemented by
/// <see cref="WorkflowActivity{TInput, TOutput}"/>.
/// </summary>
public interface IWorkflowActivity
{
    /// <summary>The type the JSON input is deserialized into.</summary>
    Type InputType { get; }

    /// <summary>The type of the value the activity returns.</summary>
    Type OutputType { get; }

    /// <summary>Runs the activity with an already deserialized input.</summary>
    Task<object?> RunAsync(WorkflowActivityContext context, object? input);
}
