namespace Dapr.Workflow.Client;

/// <summary>One page of workflow instance ids.</summary>
/// <param name="InstanceIds">The ids on this page.</param>
/// <param name="ContinuationToken">Pass it back for the next page; <c>null</c> on the last page.</param>
public sealed record WorkflowInstancePage(IReadOnlyList<string> InstanceIds, string? ContinuationToken);
