using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>The pub/sub component types DaprLocal runs, matched as daprd matches them (any case, version v1).</summary>
public static class PubSubFactory
{
    public const string InMemoryType = "pubsub.in-memory";
    public const string RedisType = "pubsub.redis";
    public const string RabbitMqType = "pubsub.rabbitmq";

    public static bool IsSupported(string componentType) =>
        componentType is not null
        && (Is(componentType, InMemoryType) || Is(componentType, RedisType) || Is(componentType, RabbitMqType));

    /// <summary>
    /// The broker for <paramref name="component"/>, its metadata checked (missing or malformed
    /// metadata throws <see cref="ComponentConfigurationException"/>) but not yet connected:
    /// call <see cref="IPubSub.InitializeAsync"/> next.
    /// </summary>
    public static IPubSub Create(ComponentDefinition component, InMemoryBrokerRegistry inMemoryBrokers, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(inMemoryBrokers);
        if (!IsSupported(component.Type))
        {
            throw new ComponentConfigurationException(component,
                $"type '{component.Type}' is not a pub/sub DaprLocal runs; use {InMemoryType}, {RedisType} or {RabbitMqType}.");
        }
        // daprd's rule for a component's first version: no version, v0 and v1 are the same.
        if (component.Version is not ("" or "v0" or "v1"))
        {
            throw new ComponentConfigurationException(component, $"version '{component.Version}' of {component.Type} does not exist; use v1.");
        }
        if (Is(component.Type, InMemoryType))
        {
            return new InMemoryPubSub(component, inMemoryBrokers, loggerFactory?.CreateLogger<InMemoryPubSub>());
        }
        if (Is(component.Type, RedisType))
        {
            return new RedisStreamsPubSub(component, loggerFactory?.CreateLogger<RedisStreamsPubSub>());
        }
        return new RabbitMqPubSub(component, loggerFactory?.CreateLogger<RabbitMqPubSub>());
    }

    private static bool Is(string componentType, string type) => string.Equals(componentType, type, StringComparison.OrdinalIgnoreCase);
}
