using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.State;

/// <summary>The state component types DaprLocal implements, and the store for a component definition.</summary>
public static class StateStoreFactory
{
    private static readonly string[] _types = ["state.in-memory", "state.sqlite", "state.redis", "state.postgresql"];

    /// <summary>daprd matches component types without regard to case; so does this.</summary>
    public static bool IsSupported(string componentType) =>
        _types.Contains(componentType, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A store for <paramref name="component"/>, not yet initialised. Its metadata is checked here:
    /// a missing or malformed value, an unknown type or an unknown version throws
    /// <see cref="ComponentConfigurationException"/>.
    /// </summary>
    public static IStateStore Create(ComponentDefinition component, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        var type = component.Type.ToLowerInvariant();
        if (!IsSupported(type))
        {
            throw new ComponentConfigurationException(component,
                $"state store type '{component.Type}' is not supported by DaprLocal; use one of {string.Join(", ", _types)}.");
        }
        // Only PostgreSQL has a v2; daprd treats an empty version as v1.
        if (type != "state.postgresql" && component.Version is not ("" or "v1"))
        {
            throw new ComponentConfigurationException(component, $"version '{component.Version}' of {type} does not exist; use v1.");
        }
        return type switch
        {
            "state.in-memory" => new InMemoryStateStore(component, logger),
            "state.sqlite" => new SqliteStateStore(component, logger),
            "state.redis" => new RedisStateStore(component),
            _ => new PostgresStateStore(component, logger),
        };
    }
}
