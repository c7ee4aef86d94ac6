using System.Globalization;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// Reads a Resiliency resource. Stricter than daprd in one respect: keys daprd's types do not have
/// (a misspelt <c>maxRetry</c>, an <c>initialInterval</c> daprd cannot set) are errors, because daprd
/// would drop them silently and the policy would not be the one the author meant.
/// </summary>
internal static class ResiliencySpecParser
{
    public static ResiliencySpec Parse(YamlMap resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        CheckKeys(resource, "a resource", "apiVersion", "kind", "metadata", "spec", "scopes");
        var kind = resource["kind"] as YamlScalar;
        if (kind?.Value != ResiliencySpec.Kind)
        {
            throw new ResourceException((kind ?? (YamlNode)resource).Location, $"expected kind '{ResiliencySpec.Kind}', found '{kind?.Value}'.");
        }
        if (resource["apiVersion"] is { } apiVersion && (apiVersion as YamlScalar)?.Value != ResiliencySpec.ApiVersion)
        {
            throw new ResourceException(apiVersion.Location, $"a Resiliency resource has apiVersion '{ResiliencySpec.ApiVersion}'.");
        }
        var metadata = OptionalMap(resource, "metadata");
        var name = metadata is null ? "" : OptionalScalar(metadata, "name")?.Value ?? "";

        var spec = OptionalMap(resource, "spec");
        var policies = spec is null ? null : OptionalMap(spec, "policies");
        var targets = spec is null ? null : OptionalMap(spec, "targets");
        if (spec is not null)
        {
            CheckKeys(spec, "spec", "policies", "targets");
        }
        if (policies is not null)
        {
            CheckKeys(policies, "spec.policies", "timeouts", "retries", "circuitBreakers");
        }
        if (targets is not null)
        {
            CheckKeys(targets, "spec.targets", "apps", "actors", "components");
        }

        return new ResiliencySpec(
            name,
            ParseScopes(resource),
            Entries(policies, "timeouts", ParseTimeout),
            Entries(policies, "retries", ParseRetry),
            Entries(policies, "circuitBreakers", ParseCircuitBreaker),
            Entries(targets, "apps", ParseAppTarget),
            Entries(targets, "actors", ParseActorTarget),
            Entries(targets, "components", ParseComponentTarget),
            resource.Location);
    }

    private static List<string> ParseScopes(YamlMap resource)
    {
        switch (resource["scopes"])
        {
            case null:
            case YamlScalar { Value.Length: 0 }:
                return [];
            case YamlList list:
                return list.Items.Select(item => item is YamlScalar { Value.Length: > 0 } scalar ? scalar.Value
                    : throw new ResourceException(item.Location, "each scope is an app id.")).ToList();
            case var other:
                throw new ResourceException(other.Location, "'scopes' is a list of app ids.");
        }
    }

    private static TimeoutDefinition ParseTimeout(string name, YamlNode node) =>
        new(name, ResiliencyDuration.Parse(Scalar(node, $"timeout '{name}'"), $"timeout '{name}'"), node.Location);

    private static RetryDefinition ParseRetry(string name, YamlNode node)
    {
        var map = Map(node, $"retry policy '{name}'");
        CheckKeys(map, $"retry policy '{name}'", "policy", "duration", "maxInterval", "maxRetries", "matching");
        var kindNode = OptionalScalar(map, "policy");
        var kind = kindNode?.Value.ToLowerInvariant() switch
        {
            null or "" or "constant" => RetryKind.Constant,
            "exponential" => RetryKind.Exponential,
            _ => throw new ResourceException(kindNode!.Location, $"retry policy '{name}': unknown policy '{kindNode.Value}' (constant or exponential)."),
        };
        var retry = new RetryDefinition(name, kind, map.Location);
        if (OptionalScalar(map, "duration") is { } duration)
        {
            retry = retry with { Duration = ResiliencyDuration.Parse(duration, $"retry policy '{name}' duration") };
        }
        if (OptionalScalar(map, "maxInterval") is { } maxInterval)
        {
            retry = retry with { MaxInterval = ResiliencyDuration.Parse(maxInterval, $"retry policy '{name}' maxInterval") };
        }
        if (OptionalScalar(map, "maxRetries") is { } maxRetries)
        {
            var count = Integer(maxRetries, $"retry policy '{name}' maxRetries");
            retry = retry with
            {
                MaxRetries = count >= -1 ? count
                    : throw new ResourceException(maxRetries.Location, $"retry policy '{name}' maxRetries is -1 (forever), 0 (never) or a count."),
            };
        }
        if (OptionalMap(map, "matching") is { } matching)
        {
            CheckKeys(matching, $"retry policy '{name}' matching", "httpStatusCodes", "gRPCStatusCodes");
            retry = retry with
            {
                Matching = new RetryMatching(
                    RetryMatching.ParseHttp(OptionalScalar(matching, "httpStatusCodes")),
                    RetryMatching.ParseGrpc(OptionalScalar(matching, "gRPCStatusCodes"))),
            };
        }
        return retry;
    }

    private static CircuitBreakerDefinition ParseCircuitBreaker(string name, YamlNode node)
    {
        var what = $"circuit breaker '{name}'";
        var map = Map(node, what);
        CheckKeys(map, what, "maxRequests", "interval", "timeout", "trip");
        var breaker = new CircuitBreakerDefinition(name, map.Location);
        if (OptionalScalar(map, "maxRequests") is { } maxRequests)
        {
            var count = Integer(maxRequests, $"{what} maxRequests");
            breaker = breaker with
            {
                // gobreaker reads 0 as 1.
                MaxRequests = count is >= 0 and <= uint.MaxValue ? (int)Math.Clamp(count, 1, int.MaxValue)
                    : throw new ResourceException(maxRequests.Location, $"{what} maxRequests must not be negative."),
            };
        }
        if (OptionalScalar(map, "interval") is { } interval)
        {
            breaker = breaker with { Interval = ResiliencyDuration.Parse(interval, $"{what} interval") };
        }
        if (OptionalScalar(map, "timeout") is { } timeout)
        {
            var open = ResiliencyDuration.Parse(timeout, $"{what} timeout");
            breaker = breaker with { Timeout = open > TimeSpan.Zero ? open : CircuitBreakerDefinition.DefaultTimeout };
        }
        if (OptionalScalar(map, "trip") is { Value.Length: > 0 } trip)
        {
            try
            {
                breaker = breaker with { Trip = TripExpression.Parse(trip.Value) };
            }
            catch (FormatException error)
            {
                throw new ResourceException(trip.Location, $"{what}: {error.Message}");
            }
        }
        return breaker;
    }

    private static AppTarget ParseAppTarget(string appId, YamlNode node)
    {
        var what = $"app target '{appId}'";
        var map = Map(node, what);
        CheckKeys(map, what, "timeout", "retry", "circuitBreaker", "circuitBreakerCacheSize");
        return new AppTarget(appId, PolicyNames(map), CacheSize(map, what, AppTarget.DefaultCircuitBreakerCacheSize), map.Location);
    }

    private static ActorTarget ParseActorTarget(string actorType, YamlNode node)
    {
        var what = $"actor target '{actorType}'";
        var map = Map(node, what);
        CheckKeys(map, what, "timeout", "retry", "circuitBreaker", "circuitBreakerScope", "circuitBreakerCacheSize");
        var names = PolicyNames(map);
        var scopeNode = OptionalScalar(map, "circuitBreakerScope");
        var scope = scopeNode?.Value switch
        {
            "type" => ActorCircuitBreakerScope.Type,
            "id" => ActorCircuitBreakerScope.Id,
            "both" => ActorCircuitBreakerScope.Both,
            null or "" when names.CircuitBreaker is not null =>
                throw new ResourceException(map.Location, $"{what}: a circuit breaker needs circuitBreakerScope (type, id or both)."),
            null or "" => ActorCircuitBreakerScope.Type,
            _ => throw new ResourceException(scopeNode!.Location, $"{what}: unknown circuitBreakerScope '{scopeNode.Value}' (type, id or both)."),
        };
        return new ActorTarget(actorType, names, scope, CacheSize(map, what, ActorTarget.DefaultCircuitBreakerCacheSize), map.Location);
    }

    private static ComponentTarget ParseComponentTarget(string componentName, YamlNode node)
    {
        var what = $"component target '{componentName}'";
        var map = Map(node, what);
        CheckKeys(map, what, "inbound", "outbound");
        return new ComponentTarget(componentName, Direction(map, "inbound", what), Direction(map, "outbound", what), map.Location);

        static TargetPolicyNames Direction(YamlMap component, string key, string what)
        {
            if (OptionalMap(component, key) is not { } direction)
            {
                return TargetPolicyNames.None(component.Location);
            }
            CheckKeys(direction, $"{what} {key}", "timeout", "retry", "circuitBreaker");
            return PolicyNames(direction);
        }
    }

    private static TargetPolicyNames PolicyNames(YamlMap map) =>
        new(Reference(map, "timeout"), Reference(map, "retry"), Reference(map, "circuitBreaker"), map.Location);

    /// <summary>An empty name means "none", as daprd reads it.</summary>
    private static PolicyReference? Reference(YamlMap map, string key) =>
        OptionalScalar(map, key) is { Value.Length: > 0 } scalar ? new PolicyReference(scalar.Value, scalar.Location) : null;

    private static int CacheSize(YamlMap map, string what, int defaultSize)
    {
        if (OptionalScalar(map, "circuitBreakerCacheSize") is not { } node)
        {
            return defaultSize;
        }
        var size = Integer(node, $"{what} circuitBreakerCacheSize");
        return size switch
        {
            0 => defaultSize,
            > 0 and <= int.MaxValue => (int)size,
            _ => throw new ResourceException(node.Location, $"{what} circuitBreakerCacheSize must be positive."),
        };
    }

    private static Dictionary<string, T> Entries<T>(YamlMap? parent, string key, Func<string, YamlNode, T> parse)
    {
        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        if (parent is not null && OptionalMap(parent, key) is { } map)
        {
            foreach (var (name, node) in map.Entries)
            {
                entries[name] = parse(name, node);
            }
        }
        return entries;
    }

    private static void CheckKeys(YamlMap map, string what, params string[] known)
    {
        foreach (var (key, node) in map.Entries)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                throw new ResourceException(node.Location,
                    $"{what} has no field '{key}' (daprd would ignore it silently); known fields: {string.Join(", ", known)}.");
            }
        }
    }

    /// <summary>A mapping, or null when absent or written empty (<c>timeouts:</c> with nothing under it).</summary>
    private static YamlMap? OptionalMap(YamlMap parent, string key) => parent[key] switch
    {
        null or YamlScalar { Value.Length: 0 } => null,
        YamlMap map => map,
        var other => throw new ResourceException(other.Location, $"'{key}' must be a mapping."),
    };

    private static YamlScalar? OptionalScalar(YamlMap parent, string key) => parent[key] switch
    {
        null => null,
        YamlScalar scalar => scalar,
        var other => throw new ResourceException(other.Location, $"'{key}' must be a single value."),
    };

    private static YamlMap Map(YamlNode node, string what) =>
        node as YamlMap ?? throw new ResourceException(node.Location, $"{what} must be a mapping.");

    private static YamlScalar Scalar(YamlNode node, string what) =>
        node as YamlScalar ?? throw new ResourceException(node.Location, $"{what} must be a single value.");

    private static long Integer(YamlScalar node, string what) =>
        long.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
            : throw new ResourceException(node.Location, $"{what} must be an integer, not '{node.Value}'.");
}
