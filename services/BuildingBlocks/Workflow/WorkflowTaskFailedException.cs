namespace Dapr.Workflow;

/// <summary>Thrown into workflow code when an activity or child workflow it awaits has failed.</summary>
public class WorkflowTaskFailedException : Exception
{
    public WorkflowTaskFailedException()
        : this("A workflow task failed.", new WorkflowTaskFailureDetails(string.Empty, string.Empty))
    {
    }

    public WorkflowTaskFailedException(string message)
        : this(message, new WorkflowTaskFailureDetails(string.Empty, message))
    {
    }

    public WorkflowTaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        FailureDetails = new WorkflowTaskFailureDetails(innerException.GetType().FullName!, innerException.Message, innerException.StackTrace);
    }

    public WorkflowTaskFailedException(string message, WorkflowTaskFailureDetails failureDetails)
        : base(message)
    {
        FailureDetails = failureDetails;
    }

    /// <summary>The failure as the failed task reported it.</summary>
    public WorkflowTaskFailureDetails FailureDetails { get; }
}
