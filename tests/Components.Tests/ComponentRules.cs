namespace Ecommerce.Components.Tests;

/// <summary>
/// What a component of each type needs, from the Dapr component reference (docs.dapr.io,
/// reference/components-reference): the metadata daprd refuses to start without (each inner list is
/// "one of these"), and which types DaprLocal runs. A type not listed here is unknown to the checks
/// and fails them: adding one means reading its reference page first.
/// </summary>
public static class ComponentRules
{
    public static readonly IReadOnlyDictionary<string, string[][]> RequiredMetadata = new Dictionary<string, string[][]>(StringComparer.Ordinal)
    {
        ["state.in-memory"] = [],
        ["state.sqlite"] = [["connectionString"]],
        ["state.postgresql"] = [["connectionString"]],
        ["state.redis"] = [["redisHost"]],
        ["state.mongodb"] = [["host", "server"]],
        ["state.cassandra"] = [["hosts"]],
        ["pubsub.in-memory"] = [],
        ["pubsub.redis"] = [["redisHost"]],
        ["pubsub.rabbitmq"] = [["connectionString", "host"]],
        ["pubsub.kafka"] = [["brokers"], ["authType"]],
        ["secretstores.local.env"] = [],
        ["secretstores.local.file"] = [["secretsFile"]],
        ["bindings.cron"] = [["schedule"]],
        ["bindings.localstorage"] = [["rootPath"]],
        ["bindings.smtp"] = [["host"], ["port"]],
        // toNumber may come with each request instead (the notification service sends it per message).
        ["bindings.twilio.sms"] = [["fromNumber"], ["accountSid"], ["authToken"]],
    };

    /// <summary>The types DaprLocal runs: the embedded and local profiles must stay within them.</summary>
    public static readonly IReadOnlySet<string> DaprLocalTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "state.in-memory", "state.sqlite", "state.postgresql", "state.redis",
        "pubsub.in-memory", "pubsub.redis", "pubsub.rabbitmq",
        "secretstores.local.env", "secretstores.local.file",
        "bindings.cron", "bindings.localstorage", "bindings.smtp",
    };

    /// <summary>Metadata that carries credentials: in a profile with servers it must come from the secret store.</summary>
    public static bool IsCredential(string type, string metadataName) => metadataName switch
    {
        "password" or "redisPassword" or "saslPassword" or "authToken" => true,
        // A SQLite connection string is a file name; every other one may hold a password.
        "connectionString" => type != "state.sqlite",
        _ => false,
    };
}
