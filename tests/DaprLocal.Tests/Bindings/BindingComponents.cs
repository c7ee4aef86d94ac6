using Ecommerce.DaprLocal.Bindings;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Tests.Bindings;

internal static class BindingComponents
{
    /// <summary>A component as loaded from YAML; a key given twice keeps its last value.</summary>
    public static ComponentDefinition Definition(string type, params (string Key, string Value)[] metadata)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in metadata)
        {
            values[key] = value;
        }
        return new ComponentDefinition("binding", type, "v1", values, [], "components/bindings.yaml", 7);
    }

    public static BindingRequest Request(string operation, byte[] data, params (string Key, string Value)[] metadata) =>
        new(operation, data, metadata.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal));
}
