using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Tests.Secrets;

internal static class SecretComponents
{
    public static ComponentDefinition Definition(string type, params (string Key, string Value)[] metadata) =>
        new("secrets", type, "v1",
            metadata.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.OrdinalIgnoreCase),
            [], "components/secrets.yaml", 3);

    public static IReadOnlyDictionary<string, string> NoMetadata { get; } = new Dictionary<string, string>();
}
