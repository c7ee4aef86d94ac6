using Xunit;

namespace Ecommerce.TestSupport.Sidecars;

/// <summary>Component YAML for every state store and pub/sub kind DaprLocal runs, against the real test servers.</summary>
public static class TestComponents
{
    public static readonly string[] StateStoreKinds = ["in-memory", "sqlite", "redis", "postgresql-v1", "postgresql-v2"];
    public static readonly string[] QueryableStateStoreKinds = ["postgresql-v1"];
    public static readonly string[] PubSubKinds = ["in-memory", "redis", "rabbitmq"];

    public static TheoryData<string> StateStores() => [.. StateStoreKinds];

    public static TheoryData<string> QueryableStateStores() => [.. QueryableStateStoreKinds];

    public static TheoryData<string> PubSubs() => [.. PubSubKinds];

    public static string StateStore(string kind, string name = "store", params (string Name, string Value)[] extra)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        var (type, version, metadata) = kind switch
        {
            "in-memory" => ("state.in-memory", "v1", Array.Empty<(string, string)>()),
            "sqlite" => ("state.sqlite", "v1", [("connectionString", Path.Combine(Path.GetTempPath(), $"daprlocal-{unique}.db"))]),
            "redis" => ("state.redis", "v1", [("redisHost", TestInfrastructure.RedisHost)]),
            "postgresql-v1" => ("state.postgresql", "v1", [("connectionString", TestInfrastructure.PostgresConnection), ("tableName", $"state_{unique}")]),
            "postgresql-v2" => ("state.postgresql", "v2", [("connectionString", TestInfrastructure.PostgresConnection), ("tablePrefix", $"t{unique}_")]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown state store kind"),
        };
        return Component(name, type, version, metadata.Concat(extra));
    }

    public static string PubSub(string kind, string name = "pubsub", params (string Name, string Value)[] extra)
    {
        var (type, metadata) = kind switch
        {
            "in-memory" => ("pubsub.in-memory", Array.Empty<(string, string)>()),
            "redis" => ("pubsub.redis", [("redisHost", TestInfrastructure.RedisHost), ("processingTimeout", "2s"), ("redeliverInterval", "1s")]),
            "rabbitmq" => ("pubsub.rabbitmq", [("connectionString", TestInfrastructure.RabbitMqUrl), ("requeueInFailure", "true"), ("durable", "true")]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown pub/sub kind"),
        };
        return Component(name, type, "v1", metadata.Concat(extra));
    }

    public static string Component(string name, string type, string version, IEnumerable<(string Name, string Value)> metadata, string? secretStore = null)
    {
        var items = string.Concat(metadata.Select(m => $"\n    - name: {m.Name}\n      value: \"{m.Value}\""));
        var auth = secretStore is null ? "" : $"\nauth:\n  secretStore: {secretStore}";
        return $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {name}
            spec:
              type: {type}
              version: {version}
              metadata:{(items.Length == 0 ? " []" : items)}{auth}
            ---

            """;
    }
}
