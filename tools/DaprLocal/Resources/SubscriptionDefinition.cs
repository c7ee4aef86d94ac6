namespace Ecommerce.DaprLocal.Resources;

/// <summary>
/// One active subscription of an app: from its <c>/dapr/subscribe</c> answer (programmatic) or a
/// <c>kind: Subscription</c> resource (declarative). Rules are tried in order; the first whose
/// <see cref="RouteRule.Match"/> holds gives the path, else <see cref="DefaultRoute"/>, else the
/// message is dropped (or dead-lettered).
/// </summary>
public sealed record SubscriptionDefinition(
    string PubSubName,
    string Topic,
    IReadOnlyList<RouteRule> Rules,
    string? DefaultRoute,
    IReadOnlyDictionary<string, string> Metadata,
    string? DeadLetterTopic,
    SubscriptionKind Kind)
{
    /// <summary>The app asked for bulk delivery, which DaprLocal does not do (the subscription is refused).</summary>
    public bool BulkRequested { get; init; }

    public bool RawPayload => Metadata.TryGetValue("rawPayload", out var raw) && bool.TryParse(raw, out var isRaw) && isRaw;
}

public sealed record RouteRule(string Match, string Path);

public enum SubscriptionKind
{
    Declarative,
    Programmatic,
}
