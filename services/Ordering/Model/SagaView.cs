using System.Text.Json;

namespace Ecommerce.Ordering.Model;

/// <summary>What the workflow engine says about an order's saga: the back office's saga view.</summary>
public sealed record SagaView(
    string InstanceId,
    string WorkflowName,
    string RuntimeStatus,
    JsonElement? CustomStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? Failure,
    IReadOnlyList<SagaHistoryEntry> History);

/// <summary>One event of the saga's recorded history.</summary>
public sealed record SagaHistoryEntry(int EventId, string EventType, DateTimeOffset Timestamp);
