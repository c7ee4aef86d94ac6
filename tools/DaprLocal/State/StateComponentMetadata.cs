using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.State;

/// <summary>Metadata readers shared by the state stores, for the names and aliases daprd accepts.</summary>
internal static class StateComponentMetadata
{
    /// <summary>A duration under its name or daprd's older alias (<c>timeoutInSeconds</c> and the like).</summary>
    public static TimeSpan GetDuration(ComponentDefinition component, string name, string alias, TimeSpan defaultValue) =>
        component.Get(name) is not null || component.Get(alias) is null
            ? component.GetDuration(name, defaultValue)
            : component.GetDuration(alias, defaultValue);

    /// <summary>daprd's <c>timeout</c>: at least one second.</summary>
    public static TimeSpan GetTimeout(ComponentDefinition component, TimeSpan defaultValue)
    {
        var timeout = GetDuration(component, "timeout", "timeoutInSeconds", defaultValue);
        return timeout >= TimeSpan.FromSeconds(1)
            ? timeout
            : throw new ComponentConfigurationException(component, "metadata 'timeout' must be at least 1s.");
    }

    /// <summary>daprd's <c>cleanupInterval</c>: null (disabled) when zero or negative.</summary>
    public static TimeSpan? GetCleanupInterval(ComponentDefinition component, TimeSpan defaultValue)
    {
        var interval = GetDuration(component, "cleanupInterval", "cleanupIntervalInSeconds", defaultValue);
        return interval > TimeSpan.Zero ? interval : null;
    }
}
