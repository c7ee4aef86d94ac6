using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.State;

/// <summary>How a write's time to live combines with the component's <c>ttlInSeconds</c> default.</summary>
internal static class StateTtl
{
    /// <summary>The component's default TTL, or null when it has none (absent, 0 or negative, as daprd treats them).</summary>
    public static TimeSpan? StoreDefault(ComponentDefinition component)
    {
        var seconds = component.GetInt("ttlInSeconds", 0);
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    /// <summary>The TTL to apply, or null for no expiry: a request's own TTL wins, zero or negative means none.</summary>
    public static TimeSpan? Resolve(TimeSpan? requested, TimeSpan? storeDefault) =>
        requested is { } ttl ? ttl > TimeSpan.Zero ? ttl : null : storeDefault;
}
