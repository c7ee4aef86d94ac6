using Ecommerce.DaprLocal.Resources;
using RabbitMQ.Client;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// The metadata of a <c>pubsub.rabbitmq</c> component, with the defaults daprd's code applies
/// (components-contrib <c>pubsub/rabbitmq/metadata.go</c>): <c>durable</c> and
/// <c>deletedWhenUnused</c> are true — its metadata.yaml documents durable as false. daprd reads
/// the concurrency mode from <c>concurrencyMode</c> while its docs say <c>concurrency</c>; both are read.
/// </summary>
internal sealed record RabbitMqOptions(
    Uri ConnectionUri,
    bool Durable,
    bool DeletedWhenUnused,
    bool AutoAck,
    bool RequeueInFailure,
    byte DeliveryMode,
    ushort PrefetchCount,
    bool Parallel,
    bool EnableDeadLetter,
    long? MaxLen,
    long? MaxLenBytes,
    string ExchangeKind,
    bool PublisherConfirm,
    TimeSpan ReconnectWait,
    TimeSpan? MessageTtl,
    TimeSpan Heartbeat,
    string ClientName)
{
    /// <summary>
    /// Handlers one <c>parallel</c> subscription runs at once when <c>prefetchCount</c> does not
    /// bound them (daprd starts one goroutine per delivery, without limit).
    /// </summary>
    public const int DefaultParallelHandlers = 10;

    /// <summary>How many deliveries a subscription hands to handlers at once.</summary>
    public ushort HandlerConcurrency => !Parallel ? (ushort)1 : PrefetchCount > 0 ? PrefetchCount : (ushort)DefaultParallelHandlers;

    public static RabbitMqOptions Parse(ComponentDefinition component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var options = new RabbitMqOptions(
            ConnectionUriOf(component),
            component.GetBool("durable", true),
            component.GetBool("deletedWhenUnused", true),
            component.GetBool("autoAck", false),
            component.GetBool("requeueInFailure", false),
            (byte)Ranged(component, "deliveryMode", 0, 0, 2),
            (ushort)Ranged(component, "prefetchCount", 0, 0, ushort.MaxValue),
            ParallelOf(component),
            component.GetBool("enableDeadLetter", false),
            component.GetLimit("maxLen"),
            component.GetLimit("maxLenBytes"),
            ExchangeKindOf(component),
            component.GetBool("publisherConfirm", false),
            component.GetDuration("reconnectWaitSeconds", TimeSpan.FromSeconds(3)),
            component.Get("ttlInSeconds") is null ? null : component.GetDuration("ttlInSeconds", TimeSpan.Zero),
            component.GetDuration("heartBeat", TimeSpan.FromSeconds(10)),
            component.Get("clientName") ?? "daprlocal-pubsub");
        if (options.ReconnectWait <= TimeSpan.Zero)
        {
            throw new ComponentConfigurationException(component, "metadata 'reconnectWaitSeconds' must be positive.");
        }
        if (options.MessageTtl is { } ttl && ttl <= TimeSpan.Zero)
        {
            throw new ComponentConfigurationException(component, "metadata 'ttlInSeconds' must be positive.");
        }
        return options;
    }

    public ConnectionFactory CreateConnectionFactory() => new()
    {
        Uri = ConnectionUri,
        ClientProvidedName = ClientName,
        RequestedHeartbeat = Heartbeat,
        // Recovery is ours (reconnect after reconnectWaitSeconds, redeclare, re-consume), as in
        // daprd; the client's own recovery would race it.
        AutomaticRecoveryEnabled = false,
        TopologyRecoveryEnabled = false,
    };

    /// <summary><c>connectionString</c>, else a URL built from <c>protocol</c>, <c>hostname</c>, <c>username</c>, <c>password</c>.</summary>
    private static Uri ConnectionUriOf(ComponentDefinition component)
    {
        var protocol = component.Get("protocol");
        if (protocol is not null and not "amqp" and not "amqps")
        {
            throw new ComponentConfigurationException(component, $"metadata 'protocol' must be amqp or amqps, not '{protocol}'.");
        }
        if (component.Get("connectionString") is { } connectionString)
        {
            if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            {
                throw new ComponentConfigurationException(component, "metadata 'connectionString' must be an amqp:// or amqps:// URL.");
            }
            if (protocol is not null && protocol != uri.Scheme)
            {
                throw new ComponentConfigurationException(component, $"metadata 'protocol' ({protocol}) does not match the connectionString's ({uri.Scheme}).");
            }
            return uri;
        }
        var hostname = component.Get("hostname")
            ?? throw new ComponentConfigurationException(component, "metadata 'connectionString' (an amqp:// URL) is required for pubsub.rabbitmq, or 'hostname' with 'username' and 'password'.");
        var userInfo = component.Get("username") is { } username
            ? Uri.EscapeDataString(username) + (component.Get("password") is { } password ? ":" + Uri.EscapeDataString(password) : "") + "@"
            : "";
        if (!Uri.TryCreate($"{protocol ?? "amqp"}://{userInfo}{hostname}", UriKind.Absolute, out var built))
        {
            throw new ComponentConfigurationException(component, $"metadata 'hostname' must be host or host:port, not '{hostname}'.");
        }
        return built;
    }

    private static bool ParallelOf(ComponentDefinition component) =>
        (component.Get("concurrencyMode") ?? component.Get("concurrency")) switch
        {
            null or "parallel" => true,
            "single" => false,
            var other => throw new ComponentConfigurationException(component, $"metadata 'concurrency' must be parallel or single, not '{other}'."),
        };

    private static string ExchangeKindOf(ComponentDefinition component)
    {
        var kind = component.Get("exchangeKind") ?? ExchangeType.Fanout;
        return kind is ExchangeType.Fanout or ExchangeType.Topic or ExchangeType.Direct or ExchangeType.Headers
            ? kind
            : throw new ComponentConfigurationException(component, $"metadata 'exchangeKind' must be fanout, topic, direct or headers, not '{kind}'.");
    }

    private static int Ranged(ComponentDefinition component, string key, int defaultValue, int minimum, int maximum)
    {
        var value = component.GetInt(key, defaultValue);
        return value >= minimum && value <= maximum
            ? value
            : throw new ComponentConfigurationException(component, $"metadata '{key}' must be between {minimum} and {maximum}, not {value}.");
    }
}
