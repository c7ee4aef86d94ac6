using System.Globalization;
using Ecommerce.DaprLocal.Resources;
using StackExchange.Redis;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// The metadata of a <c>pubsub.redis</c> component, with daprd's defaults as its code applies them
/// (components-contrib <c>common/component/redis</c>): processingTimeout 60 s and redeliverInterval
/// 15 s — the reverse of what its metadata.yaml documents — and a bare number for either is read as
/// milliseconds, a legacy daprd keeps.
/// </summary>
internal sealed record RedisStreamsOptions(
    string Host,
    string? Username,
    string? Password,
    int Database,
    bool EnableTls,
    TimeSpan DialTimeout,
    TimeSpan ProcessingTimeout,
    TimeSpan RedeliverInterval,
    int QueueDepth,
    int Concurrency,
    long? MaxLenApprox,
    TimeSpan? StreamTtl)
{
    /// <summary>A zero processingTimeout or redeliverInterval turns reclaiming off, as in daprd.</summary>
    public bool RedeliveryEnabled => ProcessingTimeout > TimeSpan.Zero && RedeliverInterval > TimeSpan.Zero;

    public static RedisStreamsOptions Parse(ComponentDefinition component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var host = component.Require("redisHost");
        var options = new RedisStreamsOptions(
            host,
            component.Get("redisUsername"),
            component.Get("redisPassword"),
            component.GetInt("redisDB", 0),
            component.GetBool("enableTLS", false),
            component.GetDuration("dialTimeout", TimeSpan.FromSeconds(5)),
            MillisecondsOrDuration(component, "processingTimeout", TimeSpan.FromSeconds(60)),
            MillisecondsOrDuration(component, "redeliverInterval", TimeSpan.FromSeconds(15)),
            component.GetInt("queueDepth", 100),
            component.GetInt("concurrency", 10),
            component.GetLimit("maxLenApprox"),
            component.Get("streamTTL") is null ? null : component.GetDuration("streamTTL", TimeSpan.Zero));

        Check(component, !component.GetBool("failover", false), "metadata 'failover' (Redis Sentinel) is not supported by DaprLocal; point redisHost at the master.");
        Check(component, options.Database >= 0, "metadata 'redisDB' must not be negative.");
        Check(component, options.QueueDepth > 0, "metadata 'queueDepth' must be at least 1.");
        Check(component, options.Concurrency > 0, "metadata 'concurrency' must be at least 1.");
        Check(component, options.DialTimeout > TimeSpan.Zero, "metadata 'dialTimeout' must be positive.");
        Check(component, options.ProcessingTimeout >= TimeSpan.Zero, "metadata 'processingTimeout' must not be negative.");
        Check(component, options.RedeliverInterval >= TimeSpan.Zero, "metadata 'redeliverInterval' must not be negative.");
        Check(component, options.StreamTtl is null || options.StreamTtl > TimeSpan.Zero, "metadata 'streamTTL' must be positive.");
        try
        {
            options.ToConfiguration();
        }
        catch (ArgumentException error)
        {
            throw new ComponentConfigurationException(component, $"metadata 'redisHost' must be host:port, not '{host}' ({error.Message}).");
        }
        return options;
    }

    public ConfigurationOptions ToConfiguration()
    {
        var configuration = new ConfigurationOptions
        {
            User = Username,
            Password = Password,
            DefaultDatabase = Database,
            // daprd's enableTLS also skips certificate verification; DaprLocal keeps it.
            Ssl = EnableTls,
            ConnectTimeout = (int)DialTimeout.TotalMilliseconds,
            // Fail InitializeAsync when the server is not there; once connected, the multiplexer
            // reconnects by itself whatever this says.
            AbortOnConnectFail = true,
            ClientName = "daprlocal-pubsub",
        };
        configuration.EndPoints.Add(Host);
        return configuration;
    }

    private static TimeSpan MillisecondsOrDuration(ComponentDefinition component, string key, TimeSpan defaultValue) =>
        component.Get(key) is { } value && ulong.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : component.GetDuration(key, defaultValue);

    private static void Check(ComponentDefinition component, bool valid, string message)
    {
        if (!valid)
        {
            throw new ComponentConfigurationException(component, message);
        }
    }
}
