namespace Dapr.Workflow;

/// <summary>How an activity call is executed.</summary>
/// <param name="RetryPolicy">Retries failed attempts with durable timers in between; <c>null</c> = one attempt.</param>
public record WorkflowTaskOptions(WorkflowRetryPolicy? RetryPolicy = null);
