using System.Globalization;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>Metadata readings the brokers share beyond what <see cref="ComponentDefinition"/> offers.</summary>
internal static class PubSubComponentMetadata
{
    /// <summary>A size limit such as <c>maxLen</c>: absent or 0 means none, negative or not a number is an error.</summary>
    public static long? GetLimit(this ComponentDefinition component, string key)
    {
        if (component.Get(key) is not { } value)
        {
            return null;
        }
        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
        {
            throw new ComponentConfigurationException(component, $"metadata '{key}' must be a non-negative integer, not '{value}'.");
        }
        return parsed == 0 ? null : parsed;
    }
}
