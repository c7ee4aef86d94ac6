namespace Ecommerce.Contracts;

/// <summary>
/// Base of every integration event. Events are versioned records: a breaking change to an
/// event's shape is a new record (<c>...V2</c>) published beside the old one until every
/// consumer has moved, and <see cref="SchemaVersion"/> travels in the payload so a consumer
/// can tell them apart on one topic. Delivery is at least once: consumers deduplicate on
/// <see cref="EventId"/> or a business key.
/// </summary>
public abstract record IntegrationEvent
{
    public string EventId { get; init; } = Guid.NewGuid().ToString("N");

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    public abstract int SchemaVersion { get; }
}
