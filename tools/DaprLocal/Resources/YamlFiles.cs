using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ecommerce.DaprLocal.Resources;

/// <summary>Reads YAML files (several documents per file allowed) into <see cref="YamlNode"/> trees.</summary>
public static class YamlFiles
{
    public static IReadOnlyList<YamlMap> ReadDocuments(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException error)
        {
            throw new ResourceException($"{path}:{error.Start.Line}", $"not valid YAML: {error.InnerException?.Message ?? error.Message}");
        }

        var documents = new List<YamlMap>();
        foreach (var document in stream.Documents)
        {
            switch (Convert(document.RootNode, path))
            {
                case YamlMap map:
                    documents.Add(map);
                    break;
                case YamlScalar { Value.Length: 0 }:
                    // An empty document (a stray "---") carries nothing.
                    break;
                case var other:
                    throw new ResourceException(other.Location, "a resource must be a YAML mapping (apiVersion, kind, metadata, spec).");
            }
        }
        return documents;
    }

    public static YamlNode Parse(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException error)
        {
            throw new ResourceException($"{sourceName}:{error.Start.Line}", $"not valid YAML: {error.InnerException?.Message ?? error.Message}");
        }
        return stream.Documents.Count == 0 ? new YamlScalar("", sourceName, 1) : Convert(stream.Documents[0].RootNode, sourceName);
    }

    private static YamlNode Convert(YamlDotNet.RepresentationModel.YamlNode node, string path)
    {
        var line = (int)node.Start.Line;
        switch (node)
        {
            case YamlScalarNode scalar:
                return new YamlScalar(scalar.Value ?? "", path, line);
            case YamlSequenceNode sequence:
                return new YamlList(sequence.Children.Select(child => Convert(child, path)).ToArray(), path, line);
            case YamlMappingNode mapping:
                var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new ResourceException($"{path}:{key.Start.Line}", "mapping keys must be plain strings.");
                    }
                    if (!entries.TryAdd(name, Convert(value, path)))
                    {
                        throw new ResourceException($"{path}:{key.Start.Line}", $"'{name}' appears twice in the same mapping.");
                    }
                }
                return new YamlMap(entries, path, line);
            default:
                throw new ResourceException($"{path}:{line}", $"unsupported YAML node {node.NodeType}.");
        }
    }
}
