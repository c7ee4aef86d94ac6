namespace Ecommerce.Contracts;

/// <summary>
/// Dapr component names. Every profile under <c>components/</c> defines these same names,
/// so swapping infrastructure is a YAML change and never a code change.
/// </summary>
public static class Components
{
    /// <summary>Domain events (Kafka in full, Redis streams in local, in-memory in embedded).</summary>
    public const string EventsPubSub = "events";

    /// <summary>Commands and background work such as "send this notification".</summary>
    public const string TasksPubSub = "tasks";

    public const string CatalogStore = "catalog-store";

    /// <summary>Actor state, reminders and workflow instances (the one store with <c>actorStateStore: "true"</c>).</summary>
    public const string ActorStore = "actor-store";
}
