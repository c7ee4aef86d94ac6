namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>The text of Dapr resource documents, for the components a benchmark sidecar loads.</summary>
internal static class ComponentYaml
{
    public static string Component(string name, string type, params (string Name, string Value)[] metadata)
    {
        var items = string.Concat(metadata.Select(item => $"\n    - name: {item.Name}\n      value: \"{item.Value}\""));
        return $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {name}
            spec:
              type: {type}
              version: v1
              metadata:{(items.Length == 0 ? " []" : items)}

            """;
    }

    /// <summary>Writes documents into <paramref name="directory"/> (created if needed), one file each, as a resources path holds them.</summary>
    public static void WriteAll(string directory, IEnumerable<(string FileName, string Yaml)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Directory.CreateDirectory(directory);
        foreach (var (fileName, yaml) in documents)
        {
            File.WriteAllText(Path.Combine(directory, fileName), yaml);
        }
    }
}
