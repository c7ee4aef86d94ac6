namespace Ecommerce.DaprLocal.Resources;

/// <summary>
/// A <c>kind: Component</c> resource as loaded from YAML, with <c>secretKeyRef</c> / <c>envRef</c>
/// values already resolved. <see cref="Metadata"/> keys are case-insensitive, as daprd's are.
/// </summary>
public sealed record ComponentDefinition(
    string Name,
    string Type,
    string Version,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string> Scopes,
    string SourceFile,
    int Line)
{
    /// <summary>"file.yaml:12" — where to look when the component is wrong.</summary>
    public string Location => $"{SourceFile}:{Line}";

    public string? Get(string key) => Metadata.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    public string Require(string key) =>
        Get(key) ?? throw new ComponentConfigurationException(this, $"metadata '{key}' is required for {Type}.");

    public bool GetBool(string key, bool defaultValue) =>
        Get(key) is { } value ? bool.TryParse(value, out var parsed) ? parsed
            : throw new ComponentConfigurationException(this, $"metadata '{key}' must be true or false, not '{value}'.")
        : defaultValue;

    public int GetInt(string key, int defaultValue) =>
        Get(key) is { } value ? int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
            : throw new ComponentConfigurationException(this, $"metadata '{key}' must be an integer, not '{value}'.")
        : defaultValue;

    /// <summary>A duration as daprd writes them: Go style (<c>1h30m</c>, <c>500ms</c>) or plain seconds.</summary>
    public TimeSpan GetDuration(string key, TimeSpan defaultValue) =>
        Get(key) is { } value ? GoDuration.TryParse(value, out var parsed) ? parsed
            : throw new ComponentConfigurationException(this, $"metadata '{key}' must be a duration such as 15s or 1m, not '{value}'.")
        : defaultValue;
}

/// <summary>A component whose YAML cannot work: names the file, the line and the component.</summary>
public sealed class ComponentConfigurationException(ComponentDefinition component, string message)
    : Exception($"{component.Location}: component '{component.Name}' ({component.Type}): {message}")
{
    public ComponentDefinition Component { get; } = component;
}
