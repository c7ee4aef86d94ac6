using Ecommerce.DaprLocal.Subscriptions;

namespace Ecommerce.DaprLocal.Resources;

/// <summary>
/// Loads the resources paths of one app the way daprd does in self-hosted mode: every
/// <c>*.yaml</c>/<c>*.yml</c> file, several documents per file, resources whose <c>scopes</c>
/// leave the app out skipped. Anything DaprLocal cannot honour is an error naming file and line,
/// never silently ignored.
/// </summary>
public static class ResourceLoader
{
    private const string ApiVersionV1Alpha1 = "dapr.io/v1alpha1";
    private const string ApiVersionV2Alpha1 = "dapr.io/v2alpha1";

    public static ResourceSet Load(IEnumerable<string> resourcesPaths, string appId)
    {
        ArgumentNullException.ThrowIfNull(resourcesPaths);
        var components = new List<ComponentSpec>();
        var subscriptions = new List<SubscriptionDefinition>();
        var resiliencies = new List<YamlMap>();
        var namespaceFilter = Environment.GetEnvironmentVariable("NAMESPACE");

        foreach (var file in resourcesPaths.SelectMany(ResourceFiles))
        {
            foreach (var document in YamlFiles.ReadDocuments(file))
            {
                var kind = document.Scalar("kind") ?? throw new ResourceException(document.Location, "missing 'kind'.");
                var metadata = document.Map("metadata") ?? throw new ResourceException(document.Location, "missing 'metadata'.");
                var name = metadata.Scalar("name") ?? throw new ResourceException(metadata.Location, "missing 'metadata.name'.");
                if (!InScope(document, appId))
                {
                    continue;
                }
                if (namespaceFilter is { Length: > 0 } && metadata.Scalar("namespace") is { Length: > 0 } ns && ns != namespaceFilter)
                {
                    continue;
                }

                switch (kind)
                {
                    case "Component":
                        RequireApiVersion(document, ApiVersionV1Alpha1);
                        components.Add(ParseComponent(document, name));
                        break;
                    case "Subscription":
                        subscriptions.Add(ParseSubscription(document));
                        break;
                    case "Resiliency":
                        RequireApiVersion(document, ApiVersionV1Alpha1);
                        resiliencies.Add(document);
                        break;
                    case "Configuration":
                        throw new ResourceException(document.Location,
                            $"Configuration '{name}' found among resources; pass it with --config (or configFilePath in dapr.yaml) as daprd expects.");
                    case "HTTPEndpoint":
                        throw new ResourceException(document.Location,
                            $"HTTPEndpoint '{name}' is not supported by DaprLocal; run this profile under daprd.");
                    default:
                        throw new ResourceException(document.Location, $"unknown resource kind '{kind}'.");
                }
            }
        }

        var duplicate = components.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ResourceException(duplicate.Last().Location,
                $"component '{duplicate.Key}' is also defined at {duplicate.First().Location}.");
        }
        return new ResourceSet(components, subscriptions, resiliencies);
    }

    private static IEnumerable<string> ResourceFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ResourceException(directory, "resources path does not exist.");
        }
        return Directory.EnumerateFiles(directory)
            .Where(file => file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
    }

    private static bool InScope(YamlMap document, string appId) =>
        document.List("scopes") is not { Items.Count: > 0 } scopes
        || scopes.Items.OfType<YamlScalar>().Any(scope => scope.Value == appId);

    private static void RequireApiVersion(YamlMap document, params string[] accepted)
    {
        var apiVersion = document.Scalar("apiVersion");
        if (apiVersion is null || !accepted.Contains(apiVersion))
        {
            throw new ResourceException(document.Location, $"apiVersion must be {string.Join(" or ", accepted)}, not '{apiVersion}'.");
        }
    }

    private static ComponentSpec ParseComponent(YamlMap document, string name)
    {
        var spec = document.Map("spec") ?? throw new ResourceException(document.Location, $"component '{name}' has no 'spec'.");
        var type = spec.Scalar("type") ?? throw new ResourceException(spec.Location, $"component '{name}' has no 'spec.type'.");
        var version = spec.Scalar("version") ?? "v1";
        if (spec.Scalar("ignoreErrors") is "true")
        {
            throw new ResourceException(spec.Location,
                $"component '{name}': ignoreErrors is not supported by DaprLocal, which refuses to start with a broken component rather than hide it.");
        }

        var entries = new List<MetadataEntry>();
        foreach (var item in spec.List("metadata")?.Items ?? [])
        {
            if (item is not YamlMap entry || entry.Scalar("name") is not { } entryName)
            {
                throw new ResourceException(item.Location, $"component '{name}': each metadata item needs a 'name'.");
            }
            var secretRef = entry.Map("secretKeyRef");
            entries.Add(new MetadataEntry(
                entryName,
                entry.Scalar("value"),
                secretRef is null ? null : new SecretKeyRef(
                    secretRef.Scalar("name") ?? throw new ResourceException(secretRef.Location, "secretKeyRef needs a 'name'."),
                    secretRef.Scalar("key")),
                entry.Scalar("envRef"),
                entry.Location));
            if (entry["value"] is not null and not YamlScalar)
            {
                throw new ResourceException(entry.Location, $"component '{name}': metadata '{entryName}' must be a scalar value.");
            }
        }

        var scopes = document.List("scopes")?.Items.OfType<YamlScalar>().Select(s => s.Value).ToArray() ?? [];
        return new ComponentSpec(name, type, version, entries, document.Map("auth")?.Scalar("secretStore"), scopes, document.SourceFile, document.Line);
    }

    private static SubscriptionDefinition ParseSubscription(YamlMap document)
    {
        var apiVersion = document.Scalar("apiVersion");
        var spec = document.Map("spec") ?? throw new ResourceException(document.Location, "subscription has no 'spec'.");
        var pubsub = spec.Scalar("pubsubname") ?? throw new ResourceException(spec.Location, "subscription needs 'spec.pubsubname'.");
        var topic = spec.Scalar("topic") ?? throw new ResourceException(spec.Location, "subscription needs 'spec.topic'.");
        var metadata = (spec.Map("metadata")?.Entries ?? new Dictionary<string, YamlNode>())
            .ToDictionary(pair => pair.Key, pair => (pair.Value as YamlScalar)?.Value ?? "", StringComparer.Ordinal);
        var deadLetter = spec.Scalar("deadLetterTopic");
        if (spec.Map("bulkSubscribe")?.Scalar("enabled") is "true")
        {
            throw new ResourceException(spec.Location, "bulkSubscribe is not supported by DaprLocal; run this profile under daprd.");
        }

        switch (apiVersion)
        {
            case ApiVersionV1Alpha1:
                var route = spec.Scalar("route") ?? throw new ResourceException(spec.Location, "a dapr.io/v1alpha1 subscription needs 'spec.route'.");
                return new SubscriptionDefinition(pubsub, topic, [], route, metadata, deadLetter, SubscriptionKind.Declarative);
            case ApiVersionV2Alpha1:
                var routes = spec.Map("routes") ?? throw new ResourceException(spec.Location, "a dapr.io/v2alpha1 subscription needs 'spec.routes'.");
                var rules = (routes.List("rules")?.Items ?? []).Select(node =>
                {
                    var rule = node as YamlMap ?? throw new ResourceException(node.Location, "a route rule is a mapping with 'match' and 'path'.");
                    var match = rule.Scalar("match") ?? throw new ResourceException(rule.Location, "a route rule needs 'match'.");
                    RouteMatcher.Validate(match, rule.Location);
                    return new RouteRule(match, rule.Scalar("path") ?? throw new ResourceException(rule.Location, "a route rule needs 'path'."));
                }).ToArray();
                var defaultRoute = routes.Scalar("default");
                if (rules.Length == 0 && defaultRoute is null)
                {
                    throw new ResourceException(routes.Location, "a subscription needs rules or a default route.");
                }
                return new SubscriptionDefinition(pubsub, topic, rules, defaultRoute, metadata, deadLetter, SubscriptionKind.Declarative);
            default:
                throw new ResourceException(document.Location, $"Subscription apiVersion must be {ApiVersionV1Alpha1} or {ApiVersionV2Alpha1}, not '{apiVersion}'.");
        }
    }
}
