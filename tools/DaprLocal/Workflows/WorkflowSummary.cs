namespace Ecommerce.DaprLocal.Workflows;

/// <summary>A workflow as the management API reports it (<c>GetWorkflowResponse</c>'s fields).</summary>
public sealed record WorkflowSummary(
    string InstanceId, string WorkflowName, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, string RuntimeStatus, IReadOnlyDictionary<string, string> Properties);
