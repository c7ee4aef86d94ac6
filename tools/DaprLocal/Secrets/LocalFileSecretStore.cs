using System.Text.Json;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Secrets;

/// <summary>
/// <c>secretstores.local.file</c>: secrets from a JSON file, read once at start as daprd reads it.
/// Nested objects and arrays flatten to <c>a:b</c> / <c>a:0</c> keys (<c>nestedSeparator</c>).
/// Without <c>multiValued</c> every flattened key is a secret <c>{key: value}</c>; with it every
/// top-level key is one secret whose values are its flattened children.
/// </summary>
public sealed class LocalFileSecretStore : ISecretStore
{
    private readonly ComponentDefinition _component;
    private readonly string _separator;
    private readonly bool _multiValued;
    private Dictionary<string, IReadOnlyDictionary<string, string>> _secrets = new(StringComparer.Ordinal);

    public LocalFileSecretStore(ComponentDefinition component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _component = component;
        // Relative to the working directory, as daprd resolves it (the directory `dapr run` starts in).
        SecretsFile = Path.GetFullPath(component.Require("secretsFile"));
        _separator = component.Get("nestedSeparator") ?? ":";
        _multiValued = component.GetBool("multiValued", false);
    }

    /// <summary>The absolute path of the JSON file.</summary>
    public string SecretsFile { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            await using var stream = File.OpenRead(SecretsFile);
            using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken);
            root = document.RootElement.Clone();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ComponentConfigurationException(_component, $"cannot read secretsFile {SecretsFile}: {error.Message}");
        }
        catch (JsonException error)
        {
            throw new ComponentConfigurationException(_component, $"secretsFile {SecretsFile} is not valid JSON: {error.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ComponentConfigurationException(_component, $"secretsFile {SecretsFile} must hold a JSON object, not {root.ValueKind}.");
        }
        _secrets = _multiValued ? ReadMultiValued(root) : ReadSingleValued(root);
    }

    public Task<IReadOnlyDictionary<string, string>?> GetAsync(
        string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Task.FromResult(_secrets.GetValueOrDefault(key));

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulkAsync(
        IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(_secrets);

    private Dictionary<string, IReadOnlyDictionary<string, string>> ReadSingleValued(JsonElement root)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(root, null, values);
        return values.ToDictionary(
            entry => entry.Key,
            entry => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal) { [entry.Key] = entry.Value },
            StringComparer.Ordinal);
    }

    private Dictionary<string, IReadOnlyDictionary<string, string>> ReadMultiValued(JsonElement root)
    {
        var secrets = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (name, value) in Properties(root))
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    secrets[name] = new Dictionary<string, string>(StringComparer.Ordinal) { [name] = value.GetString()! };
                    break;
                case JsonValueKind.Object:
                    var children = new Dictionary<string, string>(StringComparer.Ordinal);
                    Flatten(value, null, children);
                    secrets[name] = children;
                    break;
                default:
                    // daprd keeps only strings and objects at the top of a multi-valued file; numbers,
                    // booleans, arrays and nulls there are not secrets.
                    break;
            }
        }
        return secrets;
    }

    private void Flatten(JsonElement element, string? path, Dictionary<string, string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var (name, value) in Properties(element))
                {
                    Flatten(value, path is null ? name : path + _separator + name, into);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var position = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Flatten(item, path is null ? position : path + _separator + position, into);
                    index++;
                }
                break;
            default:
                var key = path ?? "";
                if (!into.TryAdd(key, Scalar(element)))
                {
                    throw new ComponentConfigurationException(_component,
                        $"secretsFile {SecretsFile} defines '{key}' twice once nested keys are joined with '{_separator}'.");
                }
                break;
        }
    }

    private static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Null => "",
        // Numbers keep their JSON spelling; true/false stay lower case.
        _ => element.GetRawText(),
    };

    /// <summary>An object's members; a name given twice keeps its last value, as Go's JSON decoder does.</summary>
    private static IEnumerable<(string Name, JsonElement Value)> Properties(JsonElement element)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            members[property.Name] = property.Value;
        }
        return members.Select(member => (member.Key, member.Value));
    }
}
