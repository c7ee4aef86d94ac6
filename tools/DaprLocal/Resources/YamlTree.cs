namespace Ecommerce.DaprLocal.Resources;

/// <summary>
/// A YAML node reduced to plain values, keeping where it came from: a mapping is a
/// <see cref="YamlMap"/>, a sequence a <see cref="YamlList"/>, a scalar a <see cref="YamlScalar"/>.
/// Resource parsers work on this tree so every error can name its file and line.
/// </summary>
public abstract record YamlNode(string SourceFile, int Line)
{
    public string Location => $"{SourceFile}:{Line}";
}

public sealed record YamlScalar(string Value, string SourceFile, int Line) : YamlNode(SourceFile, Line);

public sealed record YamlList(IReadOnlyList<YamlNode> Items, string SourceFile, int Line) : YamlNode(SourceFile, Line);

/// <summary>A mapping; keys are matched case-sensitively, as Kubernetes-style resources are.</summary>
public sealed record YamlMap(IReadOnlyDictionary<string, YamlNode> Entries, string SourceFile, int Line) : YamlNode(SourceFile, Line)
{
    public YamlNode? this[string key] => Entries.TryGetValue(key, out var node) ? node : null;

    public string? Scalar(string key) => (this[key] as YamlScalar)?.Value;

    public YamlMap? Map(string key) => this[key] as YamlMap;

    public YamlList? List(string key) => this[key] as YamlList;
}

/// <summary>A resource file that cannot be used: the message starts with "file:line:".</summary>
public sealed class ResourceException(string location, string message) : Exception($"{location}: {message}");
