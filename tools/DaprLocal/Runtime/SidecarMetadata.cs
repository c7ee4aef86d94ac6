using Ecommerce.DaprLocal.State;

namespace Ecommerce.DaprLocal.Runtime;

/// <summary>The answer of <c>GET /v1.0/metadata</c> (and gRPC <c>GetMetadata</c>), in daprd's shape.</summary>
public sealed class SidecarMetadata(SidecarOptions options, SidecarState state, ComponentRegistry components)
{
    public const string RuntimeVersion = "1.16.0-daprlocal";

    public MetadataDescription Describe() => new(
        options.AppId,
        RuntimeVersion,
        [],
        [],
        components.All.Select(component => new ComponentDescription(component.Name, component.Type, component.Version, Capabilities(component.Name))).ToArray(),
        new Dictionary<string, string>(state.Extended, StringComparer.Ordinal),
        state.Subscriptions.Select(subscription => new SubscriptionDescription(
            subscription.PubSubName,
            subscription.Topic,
            subscription.Metadata,
            subscription.Rules.Select(rule => new RuleDescription(rule.Match, rule.Path))
                .Append(new RuleDescription("", subscription.DefaultRoute ?? ""))
                .Where(rule => rule.Path.Length > 0)
                .ToArray(),
            subscription.DeadLetterTopic ?? "",
            subscription.Kind.ToString().ToUpperInvariant())).ToArray(),
        [],
        new AppConnectionDescription(options.AppPort ?? 0, options.AppProtocol, options.AppChannelAddress, 0));

    public IReadOnlyList<string> Capabilities(string componentName)
    {
        if (!components.StateStores.TryGetValue(componentName, out var store))
        {
            return [];
        }
        var features = store.Store.Features;
        var capabilities = new List<string>();
        if (features.HasFlag(StateStoreFeatures.ETag))
        {
            capabilities.Add("ETAG");
        }
        if (features.HasFlag(StateStoreFeatures.Transactional))
        {
            capabilities.Add("TRANSACTIONAL");
        }
        if (features.HasFlag(StateStoreFeatures.Ttl))
        {
            capabilities.Add("TTL");
        }
        if (features.HasFlag(StateStoreFeatures.Query))
        {
            capabilities.Add("QUERY_API");
        }
        if (store.IsActorStateStore)
        {
            capabilities.Add("ACTOR");
        }
        return capabilities;
    }
}

public sealed record MetadataDescription(
    string Id,
    string RuntimeVersion,
    IReadOnlyList<string> EnabledFeatures,
    IReadOnlyList<object> Actors,
    IReadOnlyList<ComponentDescription> Components,
    IReadOnlyDictionary<string, string> Extended,
    IReadOnlyList<SubscriptionDescription> Subscriptions,
    IReadOnlyList<object> HttpEndpoints,
    AppConnectionDescription AppConnectionProperties);

public sealed record ComponentDescription(string Name, string Type, string Version, IReadOnlyList<string> Capabilities);

public sealed record SubscriptionDescription(
    string Pubsubname, string Topic, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<RuleDescription> Rules, string DeadLetterTopic, string Type);

public sealed record RuleDescription(string Match, string Path);

public sealed record AppConnectionDescription(int Port, string Protocol, string ChannelAddress, int MaxConcurrency);
