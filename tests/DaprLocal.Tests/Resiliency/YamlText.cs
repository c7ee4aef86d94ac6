using Ecommerce.DaprLocal.Resources;
using YamlDotNet.RepresentationModel;

namespace Ecommerce.DaprLocal.Tests.Resiliency;

/// <summary>Test-only: turns YAML text into the resource tree the parsers read, and finds lines in it.</summary>
internal static class YamlText
{
    public static YamlMap Parse(string yaml, string file = "resiliency.yaml")
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMap)Convert(stream.Documents[0].RootNode, file);
    }

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    public static int LineOf(string yaml, string text)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }
        throw new ArgumentException($"'{text}' is not in the YAML.", nameof(text));
    }

    private static Resources.YamlNode Convert(YamlDotNet.RepresentationModel.YamlNode node, string file)
    {
        var line = (int)node.Start.Line;
        return node switch
        {
            YamlScalarNode scalar => new YamlScalar(scalar.Value ?? "", file, line),
            YamlSequenceNode sequence => new YamlList(sequence.Children.Select(child => Convert(child, file)).ToList(), file, line),
            YamlMappingNode mapping => new YamlMap(
                mapping.Children.ToDictionary(entry => ((YamlScalarNode)entry.Key).Value!, entry => Convert(entry.Value, file), StringComparer.Ordinal),
                file,
                line),
            _ => throw new NotSupportedException($"YAML node {node.NodeType} is not used in these tests."),
        };
    }
}
