namespace Dapr.Workflow;

/// <summary>How a child workflow is started.</summary>
/// <param name="InstanceId">The child's instance id; <c>null</c> = a replay-safe new GUID.</param>
/// <param name="RetryPolicy">Retries a failed child; each attempt is a new child instance unless an id is given.</param>
public record ChildWorkflowTaskOptions(string? InstanceId = null, WorkflowRetryPolicy? RetryPolicy = null)
    : WorkflowTaskOptions(RetryPolicy);
