using YamlDotNet.RepresentationModel;

namespace Ecommerce.Components.Tests;

/// <summary>One metadata item of a component: a plain value or a reference into the component's secret store.</summary>
public sealed record MetadataItem(string Name, string? Value, string? SecretKeyRef);

/// <summary>One resource document of a profile, as much of it as the checks read.</summary>
public sealed record ComponentDocument(
    string File,
    string Kind,
    string Name,
    string? Type,
    string? Version,
    IReadOnlyList<MetadataItem> Metadata,
    string? SecretStore,
    IReadOnlyList<string> Scopes,
    YamlMappingNode Node)
{
    public string Where => $"{File}: {Kind} '{Name}'";

    public MetadataItem? Item(string name) => Metadata.FirstOrDefault(item => item.Name == name);

    public bool IsSecretStore => Type?.StartsWith("secretstores.", StringComparison.Ordinal) == true;

    public bool IsPubSub => Type?.StartsWith("pubsub.", StringComparison.Ordinal) == true;

    public bool IsActorStateStore => Item("actorStateStore")?.Value == "true";

    /// <summary>Every document of every <c>*.yaml</c> file of a profile directory.</summary>
    public static IReadOnlyList<ComponentDocument> LoadProfile(string directory)
    {
        var documents = new List<ComponentDocument>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                stream.Load(reader);
            }
            documents.AddRange(stream.Documents
                .Where(document => document.RootNode is YamlMappingNode)
                .Select(document => Parse(Path.GetFileName(path), (YamlMappingNode)document.RootNode)));
        }
        return documents;
    }

    private static ComponentDocument Parse(string file, YamlMappingNode root)
    {
        var spec = Child<YamlMappingNode>(root, "spec");
        var metadata = spec is null ? [] : (Child<YamlSequenceNode>(spec, "metadata")?.Children ?? [])
            .OfType<YamlMappingNode>()
            .Select(item => new MetadataItem(
                Scalar(item, "name") ?? "",
                Scalar(item, "value"),
                Child<YamlMappingNode>(item, "secretKeyRef") is { } reference ? Scalar(reference, "key") ?? Scalar(reference, "name") : null))
            .ToList();
        return new ComponentDocument(
            file,
            Scalar(root, "kind") ?? "",
            Child<YamlMappingNode>(root, "metadata") is { } meta ? Scalar(meta, "name") ?? "" : "",
            spec is null ? null : Scalar(spec, "type"),
            spec is null ? null : Scalar(spec, "version"),
            metadata,
            Child<YamlMappingNode>(root, "auth") is { } auth ? Scalar(auth, "secretStore") : null,
            (Child<YamlSequenceNode>(root, "scopes")?.Children ?? []).OfType<YamlScalarNode>().Select(scope => scope.Value ?? "").ToList(),
            root);
    }

    private static T? Child<T>(YamlMappingNode node, string key) where T : YamlNode =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as T : null;

    private static string? Scalar(YamlMappingNode node, string key) => Child<YamlScalarNode>(node, key)?.Value;
}
