namespace Dapr.Workflow.Client;

/// <summary>One entry of a workflow instance's recorded history.</summary>
/// <param name="EventId">The sequence id of the action it records, or -1 for events that answer or arrive.</param>
/// <param name="EventType">What happened.</param>
/// <param name="Timestamp">When the sidecar recorded it (UTC).</param>
public sealed record WorkflowHistoryEvent(int EventId, WorkflowHistoryEventType EventType, DateTime Timestamp);
