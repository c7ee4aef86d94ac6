using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Runtime;

/// <summary>The <c>--config</c> file: checked to be a Dapr <c>Configuration</c> so that a wrong path or kind fails at start.</summary>
public static class ConfigurationFile
{
    /// <summary>"name (file)", after checking the file holds one <c>kind: Configuration</c>.</summary>
    public static string Describe(string path)
    {
        if (!File.Exists(path))
        {
            throw new ResourceException(path, "configuration file not found.");
        }
        var documents = YamlFiles.ReadDocuments(path);
        var configuration = documents.FirstOrDefault(d => d.Scalar("kind") == "Configuration")
            ?? throw new ResourceException(path, "no 'kind: Configuration' resource in this file.");
        return $"{configuration.Map("metadata")?.Scalar("name") ?? "(unnamed)"} ({path})";
    }
}
