using Ecommerce.DaprLocal.Bindings;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Tests.Bindings;

internal static class BindingComponents
{
    public static ComponentDefinition Definition(string type, params (string Key, string Value)[] metadata) =>
        new("binding", type, "v1",
            metadata.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.OrdinalIgnoreCase),
            [], "components/bindings.yaml", 7);

    public static BindingRequest Request(string operation, byte[] data, params (string Key, string Value)[] metadata) =>
        new(operation, data, metadata.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal));
}
